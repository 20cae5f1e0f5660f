package org.flowscope.methods.nlm;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.parallel.CpuPools;

/**
 * {@link Nlm} on the CPU device's fork-join pool, with half the work of the reference: the patch distance of a pixel
 * {@code p} to a candidate {@code q} equals that of {@code q} to {@code p} bit for bit (the squared differences are
 * the same and are summed in the same patch order), and so do the early exit and the weight, and the clipped
 * windows contain each other. So each unordered pair is computed once, for the offsets of the lower half-plane
 * ({@code q} below {@code p}, or right of it on the same row), and its weight is added to both pixels.
 *
 * <p>Rows are split into bands, one task each; a band writes its own rows and the {@code d} rows below it into private
 * sums, which are added up in band order afterwards, so the result does not depend on the thread schedule. Weights
 * come from {@link NegExp} (vectorised, within 2.5e-6 of {@code exp}); patch distances and early exits are the
 * reference's, exactly ({@link PatchDistances}). Agrees with {@link NlmCpu} to float rounding of the sums.
 */
public final class NlmCpuThreaded implements Implementation<NlmParams, ImageStack, ImageStack> {
    public static final String ID = "nlm.cpu-threaded";
    private static final ImplementationInfo INFO = new ImplementationInfo(ID, Nlm.class, Backend.CPU_THREADED,
            Precision.FP32, "plain Java, symmetric pairs, bands of rows in parallel");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(NlmParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input, CpuPools.of(context));
    }

    /** Denoises every frame of {@code input} on {@code pool}. */
    public static ImageStack compute(NlmParams params, ImageStack input, ForkJoinPool pool) {
        int h = input.height();
        int w = input.width();
        // about four bands per worker balances uneven progress; much thinner bands would mostly write halo rows
        int bands = Math.max(1, Math.min(4 * pool.getParallelism(), h / Math.max(4, params.patchDistance())));
        float[] out = new float[input.data().length];
        for (int f = 0; f < input.frames(); f++) {
            float[] padded = MirrorPad.frame(input.data(), input.offset(f), h, w, params.offset());
            BandSums.run(pool, bands, h, w, (r0, r1) -> band(params, padded, h, w, r0, r1), out, input.offset(f));
        }
        return new ImageStack(input.frames(), h, w, out);
    }

    /** The pairs whose upper (or left) pixel lies in rows {@code [r0, r1)}, added to both pixels. */
    private static BandSums band(NlmParams p, float[] padded, int h, int w, int r0, int r1) {
        int o = p.offset();
        int d = p.patchDistance();
        int wp = w + 2 * o;
        BandSums sums = new BandSums(r0, Math.min(h, r1 + d) - r0, w);
        PatchDistances distances = new PatchDistances(p, w, o);
        float[] weight = new float[w];
        float[] values = new float[w];
        for (int r = r0; r < r1; r++) {
            // the pixel itself: distance <= 0, weight exactly 1
            sums.addSelf(r, padded, (r + o) * wp + o);
            for (int dr = 0; dr <= d && r + dr < h; dr++) {
                int i = r + dr;
                for (int dc = dr == 0 ? 1 : -d; dc <= d; dc++) {
                    int lo = Math.max(0, -dc);
                    int n = Math.min(w, w - dc) - lo;
                    if (n <= 0) {
                        continue;
                    }
                    distances.compute(padded, r * wp + lo, i * wp + lo + dc, n);
                    weights(distances, weight, n);
                    // p = (r, c) gains candidate q = (i, c + dc), and q gains p
                    System.arraycopy(padded, (i + o) * wp + o + lo + dc, values, 0, n);
                    sums.add(r, lo, weight, values, n);
                    System.arraycopy(padded, (r + o) * wp + o + lo, values, 0, n);
                    sums.add(i, lo + dc, weight, values, n);
                }
            }
        }
        return sums;
    }

    /** {@code exp(-max(0, D))}, or 0 where the early exit dropped the candidate. */
    private static void weights(PatchDistances distances, float[] weight, int n) {
        NegExp.gated(distances.distance, 1f, distances.peak, Nlm.CUTOFF, weight, n);
    }
}
