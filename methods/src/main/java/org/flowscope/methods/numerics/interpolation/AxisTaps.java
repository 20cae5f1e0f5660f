package org.flowscope.methods.numerics.interpolation;

/**
 * The taps of an {@link Interpolator} along one axis, for a list of positions: which samples each position reads and
 * with which weights, exactly as {@link Interpolator#grid} computes them. Code that evaluates the same interpolation
 * elsewhere (along a third axis of a volume, or in a GPU kernel fed with these tables) gets the same numbers:
 * {@code grid} is, per output point, {@code sum over column taps j of wx_j * (sum over row taps i of wy_i * I[y_i, x_j])}
 * in double, each sum in tap order, taps with index -1 left out, then the normalisation, then rounding to float.
 *
 * <p>Immutable after construction; the arrays returned are the tables themselves (do not modify them).
 */
public final class AxisTaps {
    private final int taps;
    private final int[] index;
    private final double[] weight;
    private final double[] used;
    private final double[] all;
    private final boolean[] outside;

    private AxisTaps(int taps, int positions) {
        this.taps = taps;
        this.index = new int[taps * positions];
        this.weight = new double[taps * positions];
        this.used = new double[positions];
        this.all = new double[positions];
        this.outside = new boolean[positions];
    }

    /**
     * The taps of {@code ip} at each of {@code positions} (continuous coordinates, sample k centred at k + 0.5) along
     * an axis of {@code n} samples. Nearest neighbour with NanoPyx's border (a truncation, not a tap kernel) and the
     * Fourier kernel (no spatial taps) have no tables.
     */
    public static AxisTaps of(Interpolator ip, double[] positions, int n) {
        Kernel k = ip.kernel();
        if (!k.spatial() || (k == Kernel.NEAREST && ip.border() == Border.NANOPYX)) {
            throw new IllegalArgumentException(ip + " has no tap tables (only spatial tap kernels do)");
        }
        if (n < 1) {
            throw new IllegalArgumentException("axis length must be >= 1, got " + n);
        }
        AxisTaps t = new AxisTaps(k.taps(), positions.length);
        for (int p = 0; p < positions.length; p++) {
            double pos = positions[p];
            t.used[p] = Taps.axis(k, ip.border(), pos, n, t.weight, t.index, p * t.taps);
            t.all[p] = Taps.sum(t.weight, p * t.taps, t.taps);
            // NanoPyx's kernels return 0 for a query outside the image, whatever the taps would read
            t.outside[p] = ip.border() == Border.NANOPYX && (pos < 0 || pos >= n);
            if (t.outside[p]) {
                for (int j = p * t.taps; j < (p + 1) * t.taps; j++) {
                    t.index[j] = -1;
                }
                t.used[p] = 0;
            }
        }
        return t;
    }

    /** Taps per position. */
    public int taps() {
        return taps;
    }

    /** Number of positions. */
    public int positions() {
        return used.length;
    }

    /** Sample read by tap {@code j} of position {@code p} ({@code index()[p * taps() + j]}), -1 when none. */
    public int[] index() {
        return index;
    }

    /** Weight of tap {@code j} of position {@code p}, at {@code p * taps() + j}. */
    public double[] weight() {
        return weight;
    }

    /** Per position: the sum of the weights of the taps that read a sample ({@link Normalisation#USED_TAPS}). */
    public double[] usedSum() {
        return used;
    }

    /** Per position: the sum of all tap weights ({@link Normalisation#UNIT_SUM}). */
    public double[] allSum() {
        return all;
    }

    /** Per position: whether the interpolator returns 0 there outright (NanoPyx's border, outside the axis). */
    public boolean[] outside() {
        return outside;
    }

    /**
     * The interpolated value along this axis alone: {@code sum_j w_j values[off + stride * index_j]} in double, taps
     * in order, rounded to float; only for {@link Normalisation#NONE} (the 1-D pass of a separable interpolation
     * whose weights are used as given).
     */
    public float apply(int p, float[] values, int off, int stride) {
        double q = 0;
        for (int j = p * taps; j < (p + 1) * taps; j++) {
            if (index[j] >= 0) {
                q += values[off + stride * index[j]] * weight[j];
            }
        }
        return (float) q;
    }
}
