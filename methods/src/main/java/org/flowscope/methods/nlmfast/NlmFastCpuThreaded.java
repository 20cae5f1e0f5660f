package org.flowscope.methods.nlmfast;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.parallel.CpuPools;
import org.flowscope.methods.nlm.BandSums;
import org.flowscope.methods.nlm.MirrorPad;
import org.flowscope.methods.nlm.NegExp;

/**
 * {@link NlmFast} on the CPU device's fork-join pool with half the reference's work. The box sum of a pixel
 * {@code p} against {@code q = p + t} equals that of {@code q} against {@code p} bit for bit (the same squared
 * differences, summed in the same box order), so each pair is computed once, for the offsets {@code t} of the lower
 * half-plane, and its weight is added to both pixels. Candidates in the padding have no sums of their own, so the
 * pairs whose first pixel lies in the padding above, left or right of the image are computed for their second pixel.
 *
 * <p>Each band of rows walks the offsets; for one offset, consecutive rows share all but one row of squared
 * differences, kept in a ring. Box sums and the cut-off are the reference's, exactly; weights come from
 * {@link NegExp} (within 2.5e-6 of {@code exp}). Agrees with {@link NlmFastCpu} to float rounding of the sums.
 */
public final class NlmFastCpuThreaded implements Implementation<NlmFastParams, ImageStack, ImageStack> {
    public static final String ID = "nlm-fast.cpu-threaded";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, NlmFast.class, Backend.CPU_THREADED,
            Precision.FP32, "plain Java, symmetric pairs, bands of rows in parallel");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(NlmFastParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input, CpuPools.of(context));
    }

    /** Denoises every frame of {@code input} on {@code pool}. */
    public static ImageStack compute(NlmFastParams params, ImageStack input, ForkJoinPool pool) {
        int h = input.height();
        int w = input.width();
        int bands = Math.max(1, Math.min(4 * pool.getParallelism(), h / Math.max(4, params.patchDistance())));
        float[] out = new float[input.data().length];
        for (int f = 0; f < input.frames(); f++) {
            float[] padded = MirrorPad.frame(input.data(), input.offset(f), h, w, params.padding());
            BandSums.run(pool, bands, h, w, (r0, r1) -> new Band(params, padded, h, w).sums(r0, r1), out, input.offset(f));
        }
        return new ImageStack(input.frames(), h, w, out);
    }

    /** One band's walk over the offsets, with its scratch rows. */
    private static final class Band {
        private final NlmFastParams p;
        private final float[] padded;
        private final int h;
        private final int w;
        private final int o;
        private final int d;
        private final int q;
        private final int wp;
        private final int box;
        private final float var;
        private final float[][] ring;
        private final float[] a;
        private final float[] b;
        private final float[] column;
        private final float[] tap;
        private final float[] tap1;
        private final float[] tap2;
        private final float[] tap3;
        private final float[] sum;
        private final float[] weight;
        private final float[] values;

        Band(NlmFastParams p, float[] padded, int h, int w) {
            this.p = p;
            this.padded = padded;
            this.h = h;
            this.w = w;
            o = p.offset();
            d = p.patchDistance();
            q = p.padding();
            wp = w + 2 * q;
            box = 2 * o;
            var = p.twoVariance();
            int longest = w + d + box;
            ring = new float[box][longest];
            a = new float[longest];
            b = new float[longest];
            column = new float[longest];
            tap = new float[longest];
            tap1 = new float[longest];
            tap2 = new float[longest];
            tap3 = new float[longest];
            sum = new float[longest];
            weight = new float[longest];
            values = new float[longest];
        }

        /** Pairs whose first pixel is in rows {@code [r0, r1)}, and for the top band also in the d rows above. */
        BandSums sums(int r0, int r1) {
            BandSums sums = new BandSums(r0, Math.min(h, r1 + d) - r0, w);
            for (int r = r0; r < r1; r++) {
                sums.addSelf(r, padded, (r + q) * wp + q);
            }
            int first = r0 == 0 ? -d : r0;
            for (int tr = 0; tr <= d; tr++) {
                for (int tc = tr == 0 ? 1 : -d; tc <= d; tc++) {
                    offset(sums, first, r1, tr, tc);
                }
            }
            return sums;
        }

        /**
         * The pairs (p, p + t) for first rows {@code [first, r1)}: columns from {@code min(0, -tc)} to
         * {@code max(w, w - tc)} cover every pair with at least one pixel in the image.
         */
        private void offset(BandSums sums, int first, int r1, int tr, int tc) {
            int lo = Math.min(0, -tc);
            int n = Math.max(w, w - tc) - lo;
            int m = n + box - 1;
            // ring row of image row y (box rows of first row r are r-o+1 .. r+o)
            for (int y = first - o + 1; y < first + o; y++) {
                delta(y, tr, tc, lo, m);
            }
            for (int r = first; r < r1; r++) {
                if (r + tr < 0) {
                    // neither pixel in the image yet: keep the ring current only
                    delta(r + o, tr, tc, lo, m);
                    continue;
                }
                delta(r + o, tr, tc, lo, m);
                columnSums(r, m);
                boxSums(n);
                weights(n);
                if (r >= 0) {
                    // p = (r, c) gains q = (r + tr, c + tc): columns c in [0, w) are k = c - lo
                    System.arraycopy(padded, (r + tr + q) * wp + q + tc, values, 0, w);
                    sums.add(r, 0, shifted(-lo, w), values, w);
                }
                if (r + tr < h) {
                    // q = (r + tr, c + tc) gains p: q's columns in [0, w) are c = col - tc, k = col - tc - lo
                    System.arraycopy(padded, (r + q) * wp + q - tc, values, 0, w);
                    sums.add(r + tr, 0, shifted(-tc - lo, w), values, w);
                }
            }
        }

        /**
         * {@code column[k]}: the sum of the ring's rows r-o+1 .. r+o at k, added in that order, four rows per pass over
         * the array (the reference's additions, in its order).
         */
        private void columnSums(int r, int m) {
            Arrays.fill(column, 0, m, 0f);
            int i = 0;
            for (; i + 4 <= box; i += 4) {
                float[] r0 = ring[Math.floorMod(r - o + 1 + i, box)];
                float[] r1 = ring[Math.floorMod(r - o + 2 + i, box)];
                float[] r2 = ring[Math.floorMod(r - o + 3 + i, box)];
                float[] r3 = ring[Math.floorMod(r - o + 4 + i, box)];
                for (int k = 0; k < m; k++) {
                    column[k] = (((column[k] + r0[k]) + r1[k]) + r2[k]) + r3[k];
                }
            }
            for (; i < box; i++) {
                float[] row = ring[Math.floorMod(r - o + 1 + i, box)];
                for (int k = 0; k < m; k++) {
                    column[k] += row[k];
                }
            }
        }

        /** {@code sum[k]}: {@code column[k] + ... + column[k + box - 1]} in that order, through aligned copies. */
        private void boxSums(int n) {
            Arrays.fill(sum, 0, n, 0f);
            int j = 0;
            for (; j + 4 <= box; j += 4) {
                System.arraycopy(column, j, tap, 0, n);
                System.arraycopy(column, j + 1, tap1, 0, n);
                System.arraycopy(column, j + 2, tap2, 0, n);
                System.arraycopy(column, j + 3, tap3, 0, n);
                for (int k = 0; k < n; k++) {
                    sum[k] = (((sum[k] + tap[k]) + tap1[k]) + tap2[k]) + tap3[k];
                }
            }
            for (; j < box; j++) {
                System.arraycopy(column, j, tap, 0, n);
                for (int k = 0; k < n; k++) {
                    sum[k] += tap[k];
                }
            }
        }

        /** Squared differences of image row {@code y} against row {@code y + tr}, columns from {@code lo - o + 1}. */
        private void delta(int y, int tr, int tc, int lo, int m) {
            int at = (y + q) * wp + q + lo - o + 1;
            System.arraycopy(padded, at, a, 0, m);
            System.arraycopy(padded, at + tr * wp + tc, b, 0, m);
            float[] row = ring[Math.floorMod(y, box)];
            for (int k = 0; k < m; k++) {
                float t = a[k] - b[k];
                row[k] = t * t - var;
            }
        }

        /** Weights of the box sums in {@code sum[0, n)}: 0 above the cut-off, else {@code exp(-max(S, 0)/h2s2)}. */
        private void weights(int n) {
            // h is bounded, so the cut-off is a normal float, as the gate needs
            NegExp.gated(sum, 1f / p.h2s2(), sum, p.cutoff(), weight, n);
        }

        /** {@code weight[from, from + n)} at index 0 (in {@link #tap}, free after the weights). */
        private float[] shifted(int from, int n) {
            System.arraycopy(weight, from, tap, 0, n);
            return tap;
        }
    }
}
