package org.flowscope.simulators.camera;

/**
 * Stage drift: the sample moves by {@code d(t) = v * t + w(t)} pixels at frame {@code t}, where {@code w} is a
 * Gaussian random walk with {@code w(0) = 0} and independent steps of standard deviation {@code walkSigmaPx} per
 * axis per frame. So {@code d(0) = (0, 0)}: drift is relative to the first frame. Observed emitter position at frame
 * t = sample position + d(t).
 *
 * @param vxPxPerFrame  linear drift along columns, px/frame
 * @param vyPxPerFrame  linear drift along rows, px/frame
 * @param walkSigmaPx   random-walk step, px/frame per axis, &ge; 0
 */
public record DriftParams(double vxPxPerFrame, double vyPxPerFrame, double walkSigmaPx) {
    public DriftParams {
        if (!Double.isFinite(vxPxPerFrame) || !Double.isFinite(vyPxPerFrame)) {
            throw new IllegalArgumentException("drift velocity must be finite, got (" + vxPxPerFrame + ", " + vyPxPerFrame + ")");
        }
        if (!(walkSigmaPx >= 0) || !Double.isFinite(walkSigmaPx)) {
            throw new IllegalArgumentException("drift random-walk sigma must be >= 0 px, got " + walkSigmaPx);
        }
    }

    public static DriftParams none() {
        return new DriftParams(0, 0, 0);
    }

    public boolean isNone() {
        return vxPxPerFrame == 0 && vyPxPerFrame == 0 && walkSigmaPx == 0;
    }
}
