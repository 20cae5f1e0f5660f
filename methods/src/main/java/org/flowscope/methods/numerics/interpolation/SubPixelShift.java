package org.flowscope.methods.numerics.interpolation;

/**
 * The separable translation behind {@link Interpolator#shift} for the {@link Border#ZERO} and {@link Border#NEAREST}
 * borders: the fraction of the shift is the same for every pixel, so the tap weights are computed once per axis and
 * the image is filtered along rows, then along columns. Stateless and thread-safe.
 */
final class SubPixelShift {
    private SubPixelShift() {
    }

    /** {@code out(x, y) = in(x - sx, y - sy)} for the h*w image at {@code src[srcOff]}, into {@code dst[dstOff]}. */
    static void shift(Interpolator ip, float[] src, int srcOff, int h, int w, double sx, double sy, float[] dst,
            int dstOff) {
        Kernel kernel = ip.kernel();
        int taps = kernel.taps();
        // out(x) samples in(x - s): the taps of position x - s are those of -s moved by x, with the same weights
        double[] wx = new double[taps];
        int bx = kernel.weights(-sx, wx);
        double[] wy = new double[taps];
        int by = kernel.weights(-sy, wy);
        if (ip.applied() == Normalisation.UNIT_SUM) {
            Taps.unitSum(wx);
            Taps.unitSum(wy);
        }
        boolean used = ip.applied() == Normalisation.USED_TAPS;
        Border border = ip.border();
        float[] tmp = new float[h * w];
        for (int y = 0; y < h; y++) {
            int row = srcOff + y * w;
            for (int x = 0; x < w; x++) {
                double acc = 0;
                double sum = 0;
                for (int t = 0; t < taps; t++) {
                    int xi = border.index(x + bx + t, w);
                    if (xi >= 0) {
                        acc += wx[t] * src[row + xi];
                        sum += wx[t];
                    }
                }
                tmp[y * w + x] = (float) (used ? Taps.ratio(acc, sum) : acc);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                double sum = 0;
                for (int t = 0; t < taps; t++) {
                    int yi = border.index(y + by + t, h);
                    if (yi >= 0) {
                        acc += wy[t] * tmp[yi * w + x];
                        sum += wy[t];
                    }
                }
                dst[dstOff + y * w + x] = (float) (used ? Taps.ratio(acc, sum) : acc);
            }
        }
    }
}
