package org.flowscope.methods.nlmfast;

import java.util.Arrays;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.nlm.MirrorPad;

/**
 * The plain-Java, single-thread reference of {@link NlmFast}, offset by offset: for each offset {@code t} it fills the
 * plane of squared differences {@code δ}, sums each pixel's box column by column ({@code V}, then {@code S}), and
 * adds the weights into every pixel's sums, so each pixel sees its offsets in row-major order. Weights use
 * {@code exp} rounded to float, as NanoPyx's.
 *
 * <p>Planes are arrays of rows, and shifted rows are copied before the sums, because the JIT (C2 of JDK 17)
 * vectorises a loop only when all its array accesses share one offset.
 */
public final class NlmFastCpu implements Implementation<NlmFastParams, ImageStack, ImageStack> {
    public static final String ID = "nlm-fast.cpu";
    private static final ImplementationInfo INFO = new ImplementationInfo(
            ID, NlmFast.class, Backend.CPU, Precision.FP32, "plain Java, one thread (reference)");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(NlmFastParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input);
    }

    /** Denoises every frame of {@code input} on the calling thread. */
    public static ImageStack compute(NlmFastParams p, ImageStack input) {
        int h = input.height();
        int w = input.width();
        int o = p.offset();
        int d = p.patchDistance();
        int q = p.padding();
        int wp = w + 2 * q;
        int box = 2 * o;
        float var = p.twoVariance();
        float h2s2 = p.h2s2();
        float cutoff = p.cutoff();
        // delta rows/columns y, x = 1-o .. n-1+o (image coordinates), stored from index 0
        int dh = h + box - 1;
        int dw = w + box - 1;
        float[][] delta = new float[dh][dw];
        float[][] column = new float[h][dw];
        float[][] num = new float[h][w];
        float[][] den = new float[h][w];
        float[] a = new float[dw];
        float[] b = new float[dw];
        float[] tap = new float[w];
        float[] sum = new float[w];
        float[] out = new float[input.data().length];
        for (int f = 0; f < input.frames(); f++) {
            float[] padded = MirrorPad.frame(input.data(), input.offset(f), h, w, q);
            for (int r = 0; r < h; r++) {
                Arrays.fill(num[r], 0f);
                Arrays.fill(den[r], 0f);
            }
            for (int tr = -d; tr <= d; tr++) {
                for (int tc = -d; tc <= d; tc++) {
                    for (int y = 0; y < dh; y++) {
                        int at = (y + q - o + 1) * wp + q - o + 1;
                        System.arraycopy(padded, at, a, 0, dw);
                        System.arraycopy(padded, at + tr * wp + tc, b, 0, dw);
                        float[] row = delta[y];
                        for (int k = 0; k < dw; k++) {
                            float t = a[k] - b[k];
                            row[k] = t * t - var;
                        }
                    }
                    for (int r = 0; r < h; r++) {
                        float[] v = column[r];
                        Arrays.fill(v, 0f);
                        for (int i = 0; i < box; i++) {
                            float[] row = delta[r + i];
                            for (int k = 0; k < dw; k++) {
                                v[k] += row[k];
                            }
                        }
                        Arrays.fill(sum, 0f);
                        for (int j = 0; j < box; j++) {
                            System.arraycopy(v, j, tap, 0, w);
                            for (int c = 0; c < w; c++) {
                                sum[c] += tap[c];
                            }
                        }
                        int candidates = (r + q + tr) * wp + q + tc;
                        float[] nr = num[r];
                        float[] dr = den[r];
                        for (int c = 0; c < w; c++) {
                            float s = sum[c];
                            float weight = s > cutoff ? 0f : (float) Math.exp(-(double) (Math.max(s, 0f) / h2s2));
                            dr[c] += weight;
                            nr[c] += weight * padded[candidates + c];
                        }
                    }
                }
            }
            int base = input.offset(f);
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    out[base + r * w + c] = num[r][c] / den[r][c];
                }
            }
        }
        return new ImageStack(input.frames(), h, w, out);
    }
}
