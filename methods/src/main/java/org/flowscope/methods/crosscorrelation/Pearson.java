package org.flowscope.methods.crosscorrelation;

/**
 * Pearson correlation of two equally sized images on their overlap at an integer shift (spec &sect;0.5,
 * {@code _calculate_ppmcc}), accumulated in double: the window of {@code a} starts at
 * {@code (max(0,-sy), max(0,-sx))}, the window of {@code b} at that start plus {@code (sy, sx)}, both of size
 * {@code (h-|sy|) x (w-|sx|)}. If {@code b} is {@code a} displaced by {@code (sy, sx)} the result is 1.
 */
public final class Pearson {
    private Pearson() {
    }

    /** Returns 0 when either window has zero variance or the overlap is empty. */
    public static double overlap(float[] a, int aOff, float[] b, int bOff, int h, int w, int sy, int sx) {
        int oh = h - Math.abs(sy);
        int ow = w - Math.abs(sx);
        if (oh <= 0 || ow <= 0) {
            return 0;
        }
        int ay = Math.max(0, -sy);
        int ax = Math.max(0, -sx);
        int by = ay + sy;
        int bx = ax + sx;
        double sa = 0;
        double sb = 0;
        for (int y = 0; y < oh; y++) {
            int ia = aOff + (ay + y) * w + ax;
            int ib = bOff + (by + y) * w + bx;
            for (int x = 0; x < ow; x++) {
                sa += a[ia + x];
                sb += b[ib + x];
            }
        }
        double n = (double) oh * ow;
        double ma = sa / n;
        double mb = sb / n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int y = 0; y < oh; y++) {
            int ia = aOff + (ay + y) * w + ax;
            int ib = bOff + (by + y) * w + bx;
            for (int x = 0; x < ow; x++) {
                double da = a[ia + x] - ma;
                double db = b[ib + x] - mb;
                sab += da * db;
                saa += da * da;
                sbb += db * db;
            }
        }
        if (saa == 0 || sbb == 0) {
            return 0;
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
