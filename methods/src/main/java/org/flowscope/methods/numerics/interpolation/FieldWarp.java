package org.flowscope.methods.numerics.interpolation;

/**
 * The resampling behind {@link Interpolator#warp} for the {@link Border#ZERO} and {@link Border#NEAREST} borders:
 * every pixel samples its own position, so its tap weights are recomputed per pixel (into two reused arrays).
 */
final class FieldWarp {
    private FieldWarp() {
    }

    /** {@code out(x, y) = in(x + vx(x, y), y + vy(x, y))} for the h*w image at {@code src[srcOff]}. */
    static void warp(Interpolator ip, float[] src, int srcOff, int h, int w, float[] vx, float[] vy, float[] dst,
            int dstOff) {
        Kernel kernel = ip.kernel();
        Border border = ip.border();
        Normalisation norm = ip.applied();
        int taps = kernel.taps();
        double[] wx = new double[taps];
        double[] wy = new double[taps];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int bx = kernel.weights(x + vx[i], wx);
                int by = kernel.weights(y + vy[i], wy);
                if (norm == Normalisation.UNIT_SUM) {
                    Taps.unitSum(wx);
                    Taps.unitSum(wy);
                }
                double acc = 0;
                double sumY = 0;
                double sumX = 0;
                for (int j = 0; j < taps; j++) {
                    int yi = border.index(by + j, h);
                    if (yi < 0) {
                        continue;
                    }
                    sumY += wy[j];
                    double rowAcc = 0;
                    sumX = 0;
                    for (int k = 0; k < taps; k++) {
                        int xi = border.index(bx + k, w);
                        if (xi >= 0) {
                            rowAcc += wx[k] * src[srcOff + yi * w + xi];
                            sumX += wx[k];
                        }
                    }
                    acc += wy[j] * rowAcc;
                }
                dst[dstOff + i] = (float) (norm == Normalisation.USED_TAPS ? Taps.ratio(acc, sumY * sumX) : acc);
            }
        }
    }
}
