package org.flowscope.core.source;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.PixelType;

/**
 * A source the application pushes frames into from its own acquisition loop, for embedding flowscope in a
 * controller. {@link #push} hands the frame to the pipeline's producer thread and returns once the pipeline has
 * copied it, so the caller may reuse its array at once; it blocks while the pipeline applies backpressure (the raw
 * path never drops a frame). {@link #end} (or {@link #stop}) ends the stream. Frames are numbered in push order.
 */
public final class PushSource implements FrameSource {
    private static final Object END = new Object();
    private final SourceFormat format;
    private final String label;
    private final SynchronousQueue<Object> handoff = new SynchronousQueue<>();
    private final SynchronousQueue<Object> copied = new SynchronousQueue<>();
    private volatile boolean ended;
    private volatile Throwable failure;
    private long sequence;

    /**
     * @param width     columns of every frame
     * @param height    rows of every frame
     * @param pixelType what {@link #push} will be given
     * @param pixelSizeNm physical pixel size, when known
     */
    public PushSource(int width, int height, PixelType pixelType, OptionalDouble pixelSizeNm) {
        this.format = new SourceFormat(width, height, Objects.requireNonNull(pixelType, "pixelType"), OptionalLong.empty(),
                OptionalDouble.empty(), Objects.requireNonNull(pixelSizeNm, "pixelSizeNm"));
        this.label = "push";
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    /**
     * Delivers one frame (a {@link PixelData.U8}, {@link PixelData.U16} or {@link PixelData.F32} of this source's type and
     * size); blocks until the pipeline has copied it. IllegalArgumentException for a frame of the wrong size or type,
     * IllegalStateException after {@link #end} or when the pipeline has failed.
     */
    public void push(PixelData pixels) throws InterruptedException {
        if (pixels.length() != format.width() * format.height()) {
            throw new IllegalArgumentException("a pushed frame must have " + format.width() + "x" + format.height() + " = "
                    + format.width() * format.height() + " pixels, got " + pixels.length());
        }
        PixelType type = pixels instanceof PixelData.U8 ? PixelType.U8 : pixels instanceof PixelData.U16 ? PixelType.U16 : PixelType.F32;
        if (type != format.pixelType()) {
            throw new IllegalArgumentException("this source takes " + format.pixelType() + " frames, got " + type);
        }
        while (!handoff.offer(pixels, 100, TimeUnit.MILLISECONDS)) {
            checkOpen();
        }
        while (copied.poll(100, TimeUnit.MILLISECONDS) == null) {
            checkOpen();
        }
    }

    /** Ends the stream after the frames pushed so far; the pipeline then finishes its last windows. */
    public void end() {
        ended = true;
        handoff.offer(END);
    }

    @Override
    public void run(FrameConsumer consumer) throws Exception {
        try {
            while (true) {
                Object next = handoff.poll(100, TimeUnit.MILLISECONDS);
                if (next == END || (next == null && ended)) {
                    return;
                }
                if (next == null) {
                    continue;
                }
                long now = System.nanoTime();
                consumer.accept(new FrameMetadata(sequence++, now, format.width(), format.height(), format.pixelType(),
                        format.pixelSizeNm(), 0, label), (PixelData) next);
                copied.put(next);
            }
        } catch (Exception | Error e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void stop() {
        end();
    }

    @Override
    public void close() {
        end();
    }

    private void checkOpen() {
        if (failure != null) {
            throw new IllegalStateException("the pipeline failed: " + failure, failure);
        }
        if (ended) {
            throw new IllegalStateException("the source has ended; no more frames are taken");
        }
    }
}
