package org.flowscope.app.live.status;

import java.util.function.ObjLongConsumer;
import org.flowscope.app.image.GrayImage;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;

/**
 * A {@link FrameSource} seen from outside: passes every frame through unchanged, and watches the source thread to
 * tell why frames are not coming. While the thread is inside the pipeline's consumer, the pipeline is holding the
 * source back (backpressure: {@code --policy lag} with the analysis behind, or a slow raw writer); while it is outside,
 * the source itself is waiting for its next frame. Optionally copies the latest frame, at most every
 * {@code copyEveryMs}, for the live preview.
 */
public final class SourceTap implements FrameSource {
    private final FrameSource source;
    private final ObjLongConsumer<GrayImage> latestFrame;
    private final long copyEveryNanos;
    private volatile long enteredNanos;
    private volatile long leftNanos = System.nanoTime();
    private volatile boolean inside;
    private volatile boolean running;
    private volatile boolean ended;
    private volatile long frames;
    private long lastCopyNanos;

    /**
     * @param source      the source to watch (not closed by this tap's {@link #close()}: its owner closes it)
     * @param latestFrame receives a copy of a recent frame and its sequence number (on the source thread; must be
     *                    quick), or null for none
     * @param copyEveryMs least time between two copies, ms
     */
    public SourceTap(FrameSource source, ObjLongConsumer<GrayImage> latestFrame, long copyEveryMs) {
        this.source = source;
        this.latestFrame = latestFrame;
        this.copyEveryNanos = copyEveryMs * 1_000_000L;
    }

    @Override
    public SourceFormat format() {
        return source.format();
    }

    @Override
    public void run(FrameConsumer consumer) throws Exception {
        leftNanos = System.nanoTime();
        running = true;
        try {
            source.run((metadata, pixels) -> {
                long now = System.nanoTime();
                frames++;
                if (latestFrame != null && (lastCopyNanos == 0 || now - lastCopyNanos >= copyEveryNanos)) {
                    lastCopyNanos = now;
                    latestFrame.accept(copy(format(), pixels), metadata.sequence());
                }
                enteredNanos = System.nanoTime();
                inside = true;
                try {
                    consumer.accept(metadata, pixels);
                } finally {
                    inside = false;
                    leftNanos = System.nanoTime();
                }
            });
        } finally {
            running = false;
            ended = true;
        }
    }

    private static GrayImage copy(SourceFormat f, PixelData pixels) {
        float[] out = new float[f.width() * f.height()];
        if (pixels instanceof PixelData.U8 u) {
            for (int i = 0; i < out.length; i++) {
                out[i] = u.pixels()[i] & 0xFF;
            }
        } else if (pixels instanceof PixelData.U16 u) {
            for (int i = 0; i < out.length; i++) {
                out[i] = u.pixels()[i] & 0xFFFF;
            }
        } else if (pixels instanceof PixelData.F32 p) {
            System.arraycopy(p.pixels(), 0, out, 0, out.length);
        }
        return new GrayImage(f.width(), f.height(), out);
    }

    /** How long the pipeline has been holding the source back in its current frame, ms (0 when it is not). */
    public double heldBackMs(long nowNanos) {
        return running && inside ? Math.max(0, nowNanos - enteredNanos) / 1e6 : 0;
    }

    /** How long the source has been waiting for its next frame, ms (0 while the pipeline holds it, or after its end). */
    public double waitingMs(long nowNanos) {
        return running && !inside ? Math.max(0, nowNanos - leftNanos) / 1e6 : 0;
    }

    /** Frames the source delivered so far. */
    public long frames() {
        return frames;
    }

    /** Whether the source has finished (exhausted, stopped or failed). */
    public boolean ended() {
        return ended;
    }

    @Override
    public long framesLostAfterLastFrame() {
        return source.framesLostAfterLastFrame();
    }

    @Override
    public void stop() {
        source.stop();
    }

    @Override
    public void close() {
        // the owner closes the source it opened
    }
}
