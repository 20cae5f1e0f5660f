package org.flowscope.methods.drift;

import org.flowscope.core.frame.FrameCorrection;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.methods.numerics.interpolation.Interpolator;

/**
 * The standalone drift correction of one frame ({@link FrameCorrection}): the sub-pixel shift of
 * {@link DriftCorrectionCpu}, for operators that cannot fold the shift into an interpolation of their own. Keeps a
 * scratch frame; one instance per thread.
 */
public final class ShiftCorrection implements FrameCorrection {
    private final Interpolator interpolator;
    private float[] scratch = new float[0];

    public ShiftCorrection(DriftCorrectionParams params) {
        this.interpolator = Interpolator.normalised(params.interpolator(), params.border());
    }

    @Override
    public void apply(float[] pixels, int height, int width, FrameShift shift) {
        if (shift.isZero()) {
            return;
        }
        int n = height * width;
        if (scratch.length < n) {
            scratch = new float[n];
        }
        System.arraycopy(pixels, 0, scratch, 0, n);
        interpolator.shift(scratch, 0, height, width, -shift.dx(), -shift.dy(), pixels, 0);
    }
}
