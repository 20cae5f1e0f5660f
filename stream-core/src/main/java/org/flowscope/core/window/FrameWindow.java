package org.flowscope.core.window;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.WindowContext;

/**
 * A window of pooled frames, in acquisition order. The window holds one reference to each frame and gives them
 * all back with {@link #release()}, exactly once (a second call throws).
 *
 * @see WindowSpec
 */
public final class FrameWindow {
    private final long index;
    private final List<Frame> frames;
    private final AtomicBoolean released = new AtomicBoolean();

    /** Takes ownership of one reference of each frame. */
    public FrameWindow(long index, List<Frame> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one frame");
        }
        this.index = index;
        this.frames = List.copyOf(frames);
    }

    public long index() {
        return index;
    }

    public int size() {
        return frames.size();
    }

    public List<Frame> frames() {
        return frames;
    }

    public Frame first() {
        return frames.get(0);
    }

    public Frame last() {
        return frames.get(frames.size() - 1);
    }

    /** The window's position for operators. */
    public WindowContext context() {
        Frame a = first();
        Frame b = last();
        return new WindowContext(index, a.sequence(), b.sequence(), a.metadata().acquisitionTimeNs(),
                b.metadata().acquisitionTimeNs(), a.metadata().pixelSizeNm());
    }

    /** The pixels as a float32 (frames, rows, cols) stack (a copy; the window stays valid). */
    public ImageStack toImageStack() {
        Frame a = first();
        int h = a.metadata().height();
        int w = a.metadata().width();
        float[] data = new float[frames.size() * w * h];
        for (int i = 0; i < frames.size(); i++) {
            frames.get(i).copyTo(data, i * w * h);
        }
        return new ImageStack(frames.size(), h, w, data);
    }

    /** Releases the window's reference to every frame; throws when called twice. */
    public void release() {
        if (!released.compareAndSet(false, true)) {
            throw new IllegalStateException("window " + index + " released twice");
        }
        for (Frame f : frames) {
            f.release();
        }
    }

    public boolean isReleased() {
        return released.get();
    }

    @Override
    public String toString() {
        return "FrameWindow[" + index + ": " + first().sequence() + ".." + last().sequence() + "]";
    }
}
