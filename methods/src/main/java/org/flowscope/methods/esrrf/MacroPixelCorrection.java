package org.flowscope.methods.esrrf;

/**
 * Macro-pixel correction (methods spec §4.7): the M&times;M sub-pixel phases of a magnified image are biased
 * differently by the sampling lattice; each phase {@code (y mod M, x mod M)} is divided by its mean over the image
 * so that every phase has mean 1. Phases with mean 0 are left unchanged. Means are float32 sums in NanoPyx's loop
 * order, divided by the count at the end, margins included.
 */
public final class MacroPixelCorrection {
    private MacroPixelCorrection() {
    }

    /** Corrects the {@code rowsM x colsM} image at {@code img[offset ..]} in place. */
    public static void applyInPlace(float[] img, int offset, int rowsM, int colsM, int magnification) {
        int m = magnification;
        int rows = rowsM / m;
        int cols = colsM / m;
        float[] c = new float[m * m];
        float n = rows * cols;
        for (int ry = 0; ry < rows; ry++) {
            for (int rx = 0; rx < cols; rx++) {
                for (int y = 0; y < m; y++) {
                    for (int x = 0; x < m; x++) {
                        c[y * m + x] += img[offset + (ry * m + y) * colsM + rx * m + x];
                    }
                }
            }
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= n;
        }
        for (int y = 0; y < rowsM; y++) {
            for (int x = 0; x < colsM; x++) {
                float v = c[(y % m) * m + x % m];
                if (v != 0) {
                    img[offset + y * colsM + x] /= v;
                }
            }
        }
    }
}
