package org.flowscope.core.sink;

import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.source.PixelData;

/**
 * What the file result sinks share: the output is opened at the first result (its size is known then), every later
 * result must have the same size and frame count, each frame is appended as float32, and a run without a result
 * leaves nothing that looks complete. Subclasses say how a stream of a given format is opened, appended to, committed
 * and discarded.
 */
abstract class StreamedResultSink implements FileResultSink {
    private boolean opened;
    private int width;
    private int height;
    private int framesPerResult;

    /** Creates the partial output for results of {@code framesPerResult} frames of {@code width} x {@code height}. */
    protected abstract void open(int width, int height, int framesPerResult);

    protected abstract void append(PixelData.F32 frame);

    /** Frames in the output so far (called once opened). */
    protected abstract long appended();

    /** Commits the output under its final name (called once opened). */
    protected abstract void commit();

    /** Discards the partial output (called once opened). */
    protected abstract void discard();

    @Override
    public final void write(ImageStack result, WindowContext context) {
        if (!opened) {
            width = result.width();
            height = result.height();
            framesPerResult = result.frames();
            open(width, height, framesPerResult);
            opened = true;
        } else if (result.width() != width || result.height() != height) {
            throw new IllegalArgumentException("result of window " + context.index() + " is " + result.width() + "x"
                    + result.height() + ", earlier results were " + width + "x" + height);
        } else if (result.frames() != framesPerResult) {
            throw new IllegalArgumentException("result of window " + context.index() + " has " + result.frames()
                    + " frames, earlier results had " + framesPerResult);
        }
        for (int f = 0; f < result.frames(); f++) {
            float[] px = new float[result.frameSize()];
            System.arraycopy(result.data(), result.offset(f), px, 0, px.length);
            append(new PixelData.F32(px));
        }
    }

    @Override
    public final long framesWritten() {
        return opened ? appended() : 0;
    }

    /** Commits the output; fails when no result was produced (nothing complete-looking is left). */
    @Override
    public final void finish() {
        if (!opened) {
            throw new IllegalStateException("no window was analysed, so " + file() + " was not written");
        }
        commit();
    }

    @Override
    public final void abort() {
        if (opened) {
            discard();
        }
    }
}
