package org.flowscope.simulators.camera;

/**
 * The one sequential pass over a frame's pixels when frames are rendered in parallel: where each band's noise draws
 * begin (see {@link CameraNoise}). Runs of pure-background pixels take two draws each (one with no read noise)
 * except at the rare draws {@link NoisePrescan} found ahead, so a run is crossed in one step to its first rare
 * draw. Pixels drawn by PTRS are decided here, draw for draw as {@link Noise} decides them (the constants come from
 * {@link BandNoise}; logarithms from {@link FastLog} with an exact recheck near the boundary), and their counts are
 * kept, so the workers only draw the background and the read noise. Positions are draw indices from the stream's
 * origin. One thread.
 */
final class NoisePlanner {
    private static final double UNIT = 0x1.0p-53;
    private static final long NONE = Long.MAX_VALUE;

    private final NoisePrescan prescan;
    private final long origin;
    private final long gamma;
    private final boolean gaussian;
    private final Cursor gauss = new Cursor(true);
    private final Cursor table = new Cursor(false);

    NoisePlanner(CameraNoise noise, NoisePrescan prescan, long origin, long gamma) {
        this.prescan = prescan;
        this.origin = origin;
        this.gamma = gamma;
        this.gaussian = noise.readNoise();
    }

    /** Plans {@code band} of {@code lambda} from draw {@code q}; returns the draw after its last. */
    long plan(double[] lambda, BandNoise band, long q) {
        int shift = gaussian ? 1 : 0; // a background pixel takes 1 << shift draws
        int[] others = band.others();
        int n = band.otherCount();
        int next = band.from(); // the first pixel not planned yet
        int p = 0;
        for (int m = 0; m < n; m++) {
            int j = others[m];
            if (j > next) {
                q = backgroundRun(q, j - next, shift);
            }
            double l = lambda[j];
            if (l >= Noise.PTRS_FROM) {
                q = ptrs(band, p++, l, q);
            } else if (l > 0) {
                q++; // inversion: one uniform
            }
            if (gaussian) {
                q += gauss.drawsAt(q);
            }
            next = j + 1;
        }
        return backgroundRun(q, band.to() - next, shift);
    }

    /** {@code n} background pixels from draw {@code q}: table draw (and Gaussian) each, rare draws as scanned. */
    private long backgroundRun(long q, long n, int shift) {
        long end = q + (n << shift);
        if (end <= table.nextFrom(q) && (!gaussian || end <= gauss.nextFrom(q))) {
            return end; // no rare draw of either kind in the run: the common case, decided in two comparisons
        }
        while (n > 0) {
            end = q + (n << shift);
            long t = table.first(q, end, shift);
            long g = gaussian ? gauss.first(q + 1, end, 1) : NONE;
            long pixel = Math.min(t == NONE ? NONE : (t - q) >>> shift, g == NONE ? NONE : (g - q - 1) >>> 1);
            if (pixel == NONE) {
                return end;
            }
            q += pixel << shift;
            n -= pixel + 1;
            q += table.drawsAt(q);
            if (gaussian) {
                q += gauss.drawsAt(q);
            }
        }
        return q;
    }

    /**
     * PTRS for the p-th such pixel of the band (mean {@code lambda}) from draw {@code q}: records how many draws it
     * takes (the count itself is computed by the worker from the last two, see {@link CameraNoise#render}).
     */
    private long ptrs(BandNoise band, int p, double lambda, long q) {
        double vr = band.vr(p);
        long start = q;
        long s = origin + q * gamma;
        while (true) {
            double u = (SplitMix.mix64(s + gamma) >>> 11) * UNIT - 0.5;
            double v = (SplitMix.mix64(s + 2 * gamma) >>> 11) * UNIT;
            s += 2 * gamma;
            q += 2;
            double us = 0.5 - Math.abs(u);
            if (us >= 0.07 && v <= vr) {
                band.planned(p, (int) (q - start));
                return q;
            }
            double a = band.a(p);
            double b = band.b(p);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double rhs = -lambda + k * band.logLambda(p) - Noise.logFactorial(k);
            if (accepts(v, us, a, b, band.logInvAlpha(p), rhs)) {
                band.planned(p, (int) (q - start));
                return q;
            }
        }
    }

    /**
     * PTRS's test {@code log v + log(1/alpha) - log(a / us^2 + b) <= rhs}, as {@code Math.log} decides it: first with
     * one division and {@link FastLog} ({@code v us^2 / (a + b us^2)} differs from {@code v / hat} by rounding only,
     * ~1e-16, far inside the margin), exactly only when that lands within the margin.
     */
    private static boolean accepts(double v, double us, double a, double b, double logInvAlpha, double rhs) {
        double us2 = us * us;
        double ratio = v * us2 / (a + b * us2);
        if (FastLog.usable(ratio)) {
            double approx = FastLog.log(ratio) + logInvAlpha;
            if (approx < rhs - FastLog.MARGIN) {
                return true;
            }
            if (approx > rhs + FastLog.MARGIN) {
                return false;
            }
        }
        return Math.log(v) + logInvAlpha - Math.log(a / us2 + b) <= rhs;
    }

    /**
     * The rare draws of one kind (Gaussian or table) from the planner's position on, block after block as far as
     * the planner has looked ahead: each block is read once, passed entries are dropped.
     */
    private final class Cursor {
        private final boolean gaussianList;
        private long[] at = new long[1024];
        private int[] draws = new int[1024];
        private int head;
        private int tail;
        /** Blocks before this draw are in the list. */
        private long loadedUntil = -1;

        Cursor(boolean gaussianList) {
            this.gaussianList = gaussianList;
        }

        /** Reads blocks until every rare draw before {@code end} is listed. */
        private void loadTo(long end) {
            if (loadedUntil < 0) {
                loadedUntil = 0;
            }
            while (loadedUntil < end) {
                NoisePrescan.Block scanned = prescan.block(loadedUntil / NoisePrescan.BLOCK);
                long[] list = gaussianList ? scanned.gaussAt() : scanned.tableAt();
                int[] counts = gaussianList ? scanned.gaussDraws() : scanned.tableDraws();
                if (tail + list.length > at.length) {
                    int live = tail - head;
                    int capacity = Math.max(at.length, 2 * (live + list.length));
                    long[] a2 = new long[capacity];
                    int[] d2 = new int[capacity];
                    System.arraycopy(at, head, a2, 0, live);
                    System.arraycopy(draws, head, d2, 0, live);
                    at = a2;
                    draws = d2;
                    head = 0;
                    tail = live;
                }
                System.arraycopy(list, 0, at, tail, list.length);
                System.arraycopy(counts, 0, draws, tail, list.length);
                tail += list.length;
                loadedUntil += NoisePrescan.BLOCK;
            }
        }

        /** Drops the rare draws before {@code q} (positions only grow). */
        private void passTo(long q) {
            while (head < tail && at[head] < q) {
                head++;
            }
        }

        /**
         * The first listed rare draw at or after {@code q}, or, when none is listed, the first draw not scanned yet:
         * no rare draw lies in {@code [q, nextFrom(q))}.
         */
        long nextFrom(long q) {
            if (loadedUntil <= q) {
                loadTo(q + 1);
            }
            passTo(q);
            return head < tail ? at[head] : loadedUntil;
        }

        /** Draws taken by a sampler starting at draw {@code q}: the scanned count, else 1. */
        int drawsAt(long q) {
            loadTo(q + 1);
            passTo(q);
            return head < tail && at[head] == q ? draws[head] : 1;
        }

        /** The first rare draw in {@code [q, end)} at {@code q + m << shift}, or {@link #NONE}. */
        long first(long q, long end, int shift) {
            loadTo(end);
            passTo(q);
            for (int j = head; j < tail; j++) {
                long e = at[j];
                if (e >= end) {
                    return NONE;
                }
                if (shift == 0 || ((e - q) & 1) == 0) {
                    return e;
                }
            }
            return NONE;
        }
    }
}
