package org.flowscope.core.window;

/**
 * How frames are grouped into windows.
 * <ul>
 *   <li>{@link #tumbling(int) tumbling}: consecutive, non-overlapping windows of {@code size} frames;</li>
 *   <li>{@link #sliding(int, int) sliding}: a window of {@code size} frames every {@code step} frames (overlapping when
 *       {@code step < size}; frames between windows are not analysed when {@code step > size});</li>
 *   <li>{@link #timePoints(int) time points}: NanoPyx blocks of {@code size} frames, like tumbling, except that a
 *       shorter last block is emitted when the stream ends.</li>
 * </ul>
 * In the count modes a trailing partial window is not emitted (its frames are counted as
 * {@code windows.trailingFrames}).
 *
 * @param size          frames per window, &ge; 1
 * @param step          frames between window starts, &ge; 1
 * @param emitPartialLast whether an incomplete last window is emitted at the end of the stream
 */
public record WindowSpec(int size, int step, boolean emitPartialLast) {
    public WindowSpec {
        if (size < 1) {
            throw new IllegalArgumentException("window size must be >= 1 frame, got " + size);
        }
        if (step < 1) {
            throw new IllegalArgumentException("window step must be >= 1 frame, got " + step);
        }
        if (emitPartialLast && step != size) {
            throw new IllegalArgumentException("time-point blocks need step == size, got size=" + size + " step=" + step);
        }
    }

    public static WindowSpec tumbling(int size) {
        return new WindowSpec(size, size, false);
    }

    public static WindowSpec sliding(int size, int step) {
        return new WindowSpec(size, step, false);
    }

    public static WindowSpec timePoints(int framesPerTimePoint) {
        return new WindowSpec(framesPerTimePoint, framesPerTimePoint, true);
    }

    /** Number of complete windows (plus a partial last one if emitted) over {@code frames} frames. */
    public long windowsFor(long frames) {
        if (frames < size) {
            return emitPartialLast && frames > 0 ? 1 : 0;
        }
        long full = (frames - size) / step + 1;
        if (emitPartialLast && frames % size != 0) {
            full++;
        }
        return full;
    }
}
