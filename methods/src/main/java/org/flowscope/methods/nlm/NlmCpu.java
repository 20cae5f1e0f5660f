package org.flowscope.methods.nlm;

import java.util.Arrays;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * The plain-Java, single-thread reference of {@link Nlm}: NanoPyx's threaded runtype, sum for sum. Each pixel's
 * patch distances are accumulated in float32 in NanoPyx's order, its weights use {@code exp} rounded to float, and
 * its weighted sums run over the candidates in NanoPyx's order, so the output equals NanoPyx's to a few float ulps.
 *
 * <p>The loops are arranged row by row so that the innermost loop runs along a row of pixels (the JIT vectorises
 * it), but every pixel still sees the same operations in the same order as a pixel-by-pixel loop would give it.
 */
public final class NlmCpu implements Implementation<NlmParams, ImageStack, ImageStack> {
    public static final String ID = "nlm.cpu";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, Nlm.class, Backend.CPU, Precision.FP32, "plain Java, one thread (reference)");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(NlmParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input);
    }

    /** Denoises every frame of {@code input} on the calling thread. */
    public static ImageStack compute(NlmParams params, ImageStack input) {
        int h = input.height();
        int w = input.width();
        float[] out = new float[input.data().length];
        Row row = new Row(params, w);
        for (int f = 0; f < input.frames(); f++) {
            float[] padded = MirrorPad.frame(input.data(), input.offset(f), h, w, params.offset());
            for (int r = 0; r < h; r++) {
                row.denoise(padded, h, r, out, input.offset(f) + r * w);
            }
        }
        return new ImageStack(input.frames(), h, w, out);
    }

    /** One output row at a time, with its scratch. */
    static final class Row {
        private final NlmParams p;
        private final int w;
        private final PatchDistances distances;
        private final float[] num;
        private final float[] den;

        Row(NlmParams p, int w) {
            this.p = p;
            this.w = w;
            distances = new PatchDistances(p, w, p.offset());
            num = new float[w];
            den = new float[w];
        }

        /** Output row {@code r} of a frame padded by {@code o} ({@code padded}), written to {@code out[at ...]}. */
        void denoise(float[] padded, int h, int r, float[] out, int at) {
            int o = p.offset();
            int d = p.patchDistance();
            int wp = w + 2 * o;
            Arrays.fill(num, 0f);
            Arrays.fill(den, 0f);
            for (int i = Math.max(0, r - d); i < Math.min(h, r + d + 1); i++) {
                for (int dc = -d; dc <= d; dc++) {
                    // the candidate column c + dc must lie in the image
                    int lo = Math.max(0, -dc);
                    int hi = Math.min(w, w - dc);
                    if (lo >= hi) {
                        continue;
                    }
                    distances.compute(padded, r * wp + lo, i * wp + lo + dc, hi - lo);
                    int centre = (i + o) * wp + o + dc;
                    for (int c = lo; c < hi; c++) {
                        int k = c - lo;
                        float weight = distances.dropped(k) ? 0f : (float) Math.exp(-Math.max(0f, distances.distance[k]));
                        den[c] = den[c] + weight;
                        num[c] = num[c] + weight * padded[centre + c];
                    }
                }
            }
            for (int c = 0; c < w; c++) {
                out[at + c] = num[c] / den[c];
            }
        }
    }
}
