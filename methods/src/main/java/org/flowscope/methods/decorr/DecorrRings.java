package org.flowscope.methods.decorr;

import java.util.Arrays;

/**
 * Which spectrum samples feed which point of a decorrelation curve, as runs along the rows of the half spectrum
 * (the layout of {@link DecorrSpectrum}: row {@code ky} in {@code [0, n)}, column {@code kx} in {@code [0, n/2]},
 * sample {@code (ky, kx)} is the DFT at frequency {@code (ky, kx)}, i.e. the conjugate of {@code (-ky, -kx)}).
 *
 * <p>The sample set is NanoPyx's (spec &sect;11.2): on the fft-shifted {@code n x n} spectrum (centre {@code c = n/2})
 * the pixels {@code (y, x)} of the square {@code [ox, ox + wd)^2} with {@code ox = int(n (1 - crmax) / 2)},
 * {@code wd = int(n crmax)}, in the left half-plane ({@code x < c}, or {@code x = c} and {@code y <= c}), at normalised
 * radius {@code rho = sqrt(4 (dx^2 + dy^2) / n^2) <= crmax}; sample {@code (y, x)} goes to curve point
 * {@code k = round(max(0, (rho - crmin) / (crmax - crmin)) (n_r - 1))}. The shifted pixel {@code (y, x)} holds the
 * DFT at {@code (y - c, x - c)}, whose magnitude is the one stored at {@code ((c - y) mod n, c - x)}. Along a stored
 * row the radius grows with {@code kx}, so each curve point is one contiguous run per row; the run boundaries are
 * found with the exact per-pixel rule above (not a closed form), so the partition is NanoPyx's to the last pixel.
 *
 * <p>The normalisation sums {@code |F|^2} over the full disc {@code 4 (dx^2 + dy^2) < n^2}: stored column 0 holds
 * each of its samples once, columns {@code 1 .. n/2 - 1} stand for themselves and their conjugates (weight 2); the
 * Nyquist column lies outside the disc. {@link #discEnd(int)} gives the last disc column of each stored row.
 */
public final class DecorrRings {
    private final int n;
    private final int nr;
    private final double crmin;
    private final double crmax;
    /** Runs as (row, bin, kx start inclusive, kx end exclusive), ordered by row then kx. */
    private final int[] runs;
    private final int runCount;
    /** Per stored row: the disc's last column (inclusive), -1 when the row misses the disc. */
    private final int[] discEnd;

    private DecorrRings(int n, int nr, double crmin, double crmax, int[] runs, int runCount, int[] discEnd) {
        this.n = n;
        this.nr = nr;
        this.crmin = crmin;
        this.crmax = crmax;
        this.runs = runs;
        this.runCount = runCount;
        this.discEnd = discEnd;
    }

    /** The partition of an {@code n x n} spectrum ({@code n} even) into {@code nr} curve points on [crmin, crmax]. */
    public static DecorrRings of(int n, double crmin, double crmax, int nr) {
        if (n < 4 || n % 2 != 0) {
            throw new IllegalArgumentException("spectrum side must be even and >= 4, got " + n);
        }
        if (!(crmin >= 0 && crmin < crmax && crmax <= 1)) {
            throw new IllegalArgumentException("ring range must satisfy 0 <= crmin < crmax <= 1, got " + crmin + ", " + crmax);
        }
        int c = n / 2;
        int ox = (int) (n * (1 - crmax) / 2);
        int wd = (int) (n * crmax);
        int[] runs = new int[16 * n];
        int count = 0;
        long[] first = thresholds(new Rule(n, crmin, crmax, nr), 2L * c * c + 1);
        for (int y = ox; y < ox + wd; y++) {
            int row = Math.floorMod(c - y, n);
            long dy = y - c;
            // kx = c - x: x = c is kx 0 (only for y <= c), x = ox is kx c - ox; x < ox + wd bounds kx from below
            int kxFirst = Math.max(y > c ? 1 : 0, c - (ox + wd - 1));
            int kxLast = c - ox;
            for (int k = 0; k < nr; k++) {
                int from = Math.max(kxFirst, firstColumn(first[k], dy));
                int to = Math.min(kxLast + 1, firstColumn(first[k + 1], dy));
                if (from < to) {
                    if (count + 4 > runs.length) {
                        runs = Arrays.copyOf(runs, runs.length * 2);
                    }
                    runs[count++] = row;
                    runs[count++] = k;
                    runs[count++] = from;
                    runs[count++] = to;
                }
            }
        }
        int[] disc = new int[n];
        for (int row = 0; row < n; row++) {
            long ky = row <= c ? row : row - n;
            long limit = (long) n * n;
            int last = -1;
            // 4 (ky^2 + kx^2) < n^2, kx < c
            long rest = limit - 4 * ky * ky;
            if (rest > 0) {
                int kx = (int) Math.sqrt(rest / 4.0);
                while (kx >= 0 && 4 * ((long) kx * kx) >= rest) {
                    kx--;
                }
                while (4 * ((long) (kx + 1) * (kx + 1)) < rest) {
                    kx++;
                }
                last = Math.min(kx, c - 1);
            }
            disc[row] = last;
        }
        return new DecorrRings(n, nr, crmin, crmax, runs, count / 4, disc);
    }

    /**
     * The rule depends on the pixel only through {@code d2 = dx^2 + dy^2} and is monotone in it (curve points in order,
     * then "outside"), so it is summed up by thresholds: {@code first[k]} is the smallest d2 whose point is k or beyond
     * ({@code first[nr]}: the first d2 outside), found by bisection with the exact rule.
     */
    private static long[] thresholds(Rule rule, long limit) {
        long[] first = new long[rule.nr + 1];
        for (int k = 0; k <= rule.nr; k++) {
            long lo = 0;
            long hi = limit;
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (rule.order(mid) >= k) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            first[k] = lo;
        }
        return first;
    }

    /** The smallest kx >= 0 with kx^2 + dy^2 >= d2. */
    private static int firstColumn(long d2, long dy) {
        long rest = d2 - dy * dy;
        if (rest <= 0) {
            return 0;
        }
        long kx = (long) Math.sqrt((double) rest);
        while (kx * kx < rest) {
            kx++;
        }
        while (kx > 0 && (kx - 1) * (kx - 1) >= rest) {
            kx--;
        }
        return (int) Math.min(Integer.MAX_VALUE, kx);
    }

    /** NanoPyx's per-pixel rule, computed exactly as the reference loop does. */
    private static final class Rule {
        final int n;
        final double crmin;
        final double crmax;
        final int nr;

        Rule(int n, double crmin, double crmax, int nr) {
            this.n = n;
            this.crmin = crmin;
            this.crmax = crmax;
            this.nr = nr;
        }

        /** Curve point of the samples at squared distance d2 from the centre, or nr outside the range. */
        int order(long d2) {
            double rho = Math.sqrt(4.0 * d2 / ((double) n * n));
            if (!(rho <= crmax)) {
                return nr;
            }
            double t = (rho - crmin) / (crmax - crmin) * (nr - 1);
            if (t < 0) {
                t = 0;
            }
            long k = Math.round(t);
            return k < nr ? (int) k : nr;
        }
    }

    public int n() {
        return n;
    }

    /** Curve points. */
    public int nr() {
        return nr;
    }

    public double crmin() {
        return crmin;
    }

    public double crmax() {
        return crmax;
    }

    public int runCount() {
        return runCount;
    }

    /** The runs, four ints each: stored row, curve point, first column, end column (exclusive). */
    public int[] runs() {
        return runs;
    }

    /** Last disc column of stored row {@code row} (inclusive), -1 if none. */
    public int discEnd(int row) {
        return discEnd[row];
    }

    /** {@link #discEnd(int)} for every row. */
    public int[] discEnds() {
        return discEnd.clone();
    }
}
