package org.flowscope.adapters.replay;

/**
 * How fast a recorded stack is replayed.
 *
 * @param mode how the rate is chosen
 * @param fps  frames per second for {@link Mode#FIXED} (ignored otherwise)
 */
public record ReplayRate(Mode mode, double fps) {
    public enum Mode {
        /** At the frame interval stored in the file (ImageJ {@code finterval}). */
        RECORDED,
        /** At a given frame rate. */
        FIXED,
        /** As fast as the consumer takes the frames. */
        AS_FAST_AS_POSSIBLE
    }

    public ReplayRate {
        if (mode == Mode.FIXED && !(fps > 0 && Double.isFinite(fps))) {
            throw new IllegalArgumentException("replay rate must be a finite fps > 0, got " + fps);
        }
    }

    public static ReplayRate recorded() {
        return new ReplayRate(Mode.RECORDED, 0);
    }

    public static ReplayRate fixed(double fps) {
        return new ReplayRate(Mode.FIXED, fps);
    }

    public static ReplayRate asFastAsPossible() {
        return new ReplayRate(Mode.AS_FAST_AS_POSSIBLE, 0);
    }
}
