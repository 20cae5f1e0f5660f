package org.flowscope.simulators.camera;

/**
 * A natural logarithm for deciding comparisons quickly, within {@link #ERROR} of {@link Math#log}: the caller
 * compares with a margin of {@link #MARGIN} and recomputes exactly with {@code Math.log} inside it, so every
 * decision is the one {@code Math.log} gives.
 *
 * <p>{@code log x = e ln 2 + log c_j + log1p(r)}: {@code x = m 2^e} with {@code m} in [1, 2), {@code c_j} the centre of
 * the j-th of 256 slices of [1, 2) holding {@code m}, {@code r = m / c_j - 1} ({@code |r| < 2^-9}) and log1p by its
 * series to {@code r^4}, whose remainder is below {@code |r|^5 / 5 < 2e-14}. Errors of the tables and rounding
 * stay below 1e-13 for exponents within ±1022. {@code FastLogTest} checks the bound.
 */
final class FastLog {
    /** Largest difference from {@code Math.log} for positive normal arguments. */
    static final double ERROR = 1e-12;
    /** Comparisons decided by this log need at least this much room; closer ones are recomputed exactly. */
    static final double MARGIN = 1e-9;
    private static final int SLICES = 256;
    private static final double LN2 = Math.log(2);
    private static final double[] LOG_C = new double[SLICES];
    private static final double[] INV_C = new double[SLICES];

    static {
        for (int j = 0; j < SLICES; j++) {
            double c = 1 + (j + 0.5) / SLICES;
            LOG_C[j] = Math.log(c);
            INV_C[j] = 1 / c;
        }
    }

    private FastLog() {
    }

    /** {@code log x} to within {@link #ERROR}, for normal {@code x > 0} (callers check {@link #usable}). */
    static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int e = (int) (bits >>> 52) - 1023;
        int j = (int) (bits >>> 44) & (SLICES - 1);
        double m = Double.longBitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        double r = m * INV_C[j] - 1;
        double poly = r * (1 + r * (-0.5 + r * (1.0 / 3 + r * -0.25)));
        return e * LN2 + LOG_C[j] + poly;
    }

    /** Whether {@link #log} applies: finite, positive and normal. */
    static boolean usable(double x) {
        return x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE;
    }
}
