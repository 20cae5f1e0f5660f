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

    /**
     * Corrects the {@code rowsM x colsM} image at {@code img[offset ..]} in place. The sums run over the image row by
     * row, which adds the terms of each phase in NanoPyx's order (macro-pixel row, then column), cache-friendly.
     */
    public static void applyInPlace(float[] img, int offset, int rowsM, int colsM, int magnification) {
        int m = magnification;
        int rows = rowsM / m;
        int cols = colsM / m;
        float[] c = new float[m * m];
        for (int yy = 0; yy < rows * m; yy++) {
            int base = (yy % m) * m;
            int row = offset + yy * colsM;
            for (int rx = 0; rx < cols; rx++) {
                int o = row + rx * m;
                for (int x = 0; x < m; x++) {
                    c[base + x] += img[o + x];
                }
            }
        }
        float n = rows * cols;
        for (int i = 0; i < c.length; i++) {
            c[i] /= n;
        }
        for (int y = 0; y < rowsM; y++) {
            int base = (y % m) * m;
            int row = offset + y * colsM;
            for (int x0 = 0; x0 < colsM; x0 += m) {
                int len = Math.min(m, colsM - x0);
                for (int x = 0; x < len; x++) {
                    float v = c[base + x];
                    if (v != 0) {
                        img[row + x0 + x] /= v;
                    }
                }
            }
        }
    }
}
