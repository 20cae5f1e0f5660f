package org.flowscope.core.window;

/**
 * How a frame stream is cut when operators work frame by frame (streaming analysis): windows of {@code window}
 * frames starting every {@code step} frames, made of <b>segments</b> of {@code gcd(window, step)} frames (every
 * window is a whole number of segments, so overlapping windows share segments and their partial results), each
 * segment made of <b>units</b> of {@link #unitFor unit} frames, the work one implementation is chosen for.
 *
 * <p>Positions count the frames handed to the analysis from 0; window {@code e} covers positions
 * {@code [e step, e step + window)}.
 *
 * @param window  frames per window, &ge; 1
 * @param step    frames between window starts, &ge; 1
 * @param segment {@code gcd(window, step)}
 * @param unit    frames per unit of work, a divisor of {@code segment}
 */
public record StreamLayout(int window, int step, int segment, int unit) {
    /** The smallest unit the rule of {@link #unitFor} accepts unless the segment itself is smaller. */
    public static final int MIN_UNIT = 8;

    public StreamLayout {
        if (window < 1 || step < 1) {
            throw new IllegalArgumentException("window and step must be >= 1 frame, got window " + window + ", step " + step);
        }
        if (segment != gcd(window, step)) {
            throw new IllegalArgumentException("segment must be gcd(window, step) = " + gcd(window, step) + ", got " + segment);
        }
        if (unit < 1 || segment % unit != 0) {
            throw new IllegalArgumentException("unit must divide the segment of " + segment + " frames, got " + unit);
        }
    }

    /** The layout of windows {@code window} / {@code step} with the default unit. */
    public static StreamLayout of(int window, int step) {
        int g = gcd(window, step);
        return new StreamLayout(window, step, g, unitFor(g));
    }

    /**
     * The unit of work in a segment of {@code segment} frames: its smallest divisor of at least
     * {@code min(segment, MIN_UNIT)} frames (100 → 10, 64 → 8, 12 → 12, 97 → 97, 5 → 5). [decision] Small enough
     * that trying a slow implementation, or replaying the frames of a unit after a device failure, costs about ten
     * frames, and that the agent reacts to a loaded device within a fraction of a window; large enough that a
     * decision and a history sample per unit cost nothing next to the unit's work.
     */
    public static int unitFor(int segment) {
        if (segment < 1) {
            throw new IllegalArgumentException("segment must be >= 1 frame, got " + segment);
        }
        int floor = Math.min(segment, MIN_UNIT);
        for (int d = floor; d <= segment; d++) {
            if (segment % d == 0) {
                return d;
            }
        }
        return segment;
    }

    /** Greatest common divisor of two positive numbers. */
    public static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** First position of window {@code index}. */
    public long windowStart(long index) {
        return index * step;
    }

    /** Segment of position {@code position}. */
    public long segmentOf(long position) {
        return position / segment;
    }

    /** Unit of position {@code position}. */
    public long unitOf(long position) {
        return position / unit;
    }

    /** Whether {@code position} is the last frame of its unit. */
    public boolean endsUnit(long position) {
        return (position + 1) % unit == 0;
    }
}
