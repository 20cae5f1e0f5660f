package org.flowscope.methods.rgc;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * Plain-Java reference of {@link Rgc}, written pixel by pixel in the float32 arithmetic of
 * NanoPyx's C kernel (weights in double, rounded to float) so that it reproduces NanoPyx within float rounding.
 */
public final class RgcCpu implements Implementation<RgcParams, RgcInput, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("rgc.cpu", Rgc.class,
            Backend.CPU, Precision.MIXED, "radial gradient convergence, single-threaded Java reference");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(RgcParams params, RgcInput input, ExecutionContext context) {
        return apply(params, input);
    }

    /** Computes RGC for every frame without an engine. */
    public static ImageStack apply(RgcParams p, RgcInput in) {
        ImageStack im = in.image();
        int hm = im.height();
        int wm = im.width();
        float[] out = new float[im.data().length];
        for (int f = 0; f < im.frames(); f++) {
            frame(p, in.gradientCol().data(), in.gradientRow().data(), in.gradientCol().offset(f), im.data(),
                    im.offset(f), hm, wm, out, im.offset(f));
        }
        return new ImageStack(im.frames(), hm, wm, out);
    }

    /**
     * One frame: gradients {@code (2hm, 2wm)} at {@code gOff} of {@code gc}/{@code gr}, magnified image
     * {@code (hm, wm)} at {@code imOff}; writes {@code (hm, wm)} at {@code outOff} (margins left untouched).
     */
    static void frame(RgcParams p, float[] gc, float[] gr, int gOff, float[] image, int imOff, int hm, int wm,
            float[] out, int outOff) {
        int mag = p.magnification();
        float g = Rgc.GRADIENT_OVERSAMPLING;
        float fwhm = p.radius();
        float tSS = p.tSS();
        float tSO = p.tSO();
        int margin = (int) (fwhm * mag);
        int start = -(int) (g * fwhm);
        int end = (int) (g * fwhm + 1);
        int gw = (int) (wm * g);
        int gh = (int) (hm * g);
        for (int rM = margin; rM < hm - margin; rM++) {
            for (int cM = margin; cM < wm - margin; cM++) {
                float xc = (float) ((cM + 0.5) / mag);
                float yc = (float) ((rM + 0.5) / mag);
                float acc = 0;
                float wsum = 0;
                for (int j = start; j < end; j++) {
                    float vy = ((int) (g * yc) + j) / g;
                    if (!(0 < vy && vy <= hm - 1)) {
                        continue;
                    }
                    for (int i = start; i < end; i++) {
                        float vx = ((int) (g * xc) + i) / g;
                        if (!(0 < vx && vx <= wm - 1)) {
                            continue;
                        }
                        float dx = vx - xc;
                        float dy = vy - yc;
                        float d = (float) Math.sqrt(dx * dx + dy * dy);
                        if (d == 0 || d > tSO) {
                            continue;
                        }
                        float py = Math.min(vy * mag * g, gh - 1);
                        float px = Math.min(vx * mag * g, gw - 1);
                        int gi = gOff + (int) Math.max(py, 0) * gw + (int) Math.max(px, 0);
                        float gx = gc[gi];
                        float gy = gr[gi];
                        float w = distanceWeight(d, tSS);
                        wsum += w;
                        if (gx * dx + gy * dy < 0) {
                            acc += dk(gx, gy, dx, dy, d) * w;
                        }
                    }
                }
                out[outOff + rM * wm + cM] = finish(p, acc, wsum, image[imOff + rM * wm + cM]);
            }
        }
    }

    /** {@code (d exp(-d^2/tSS))^4}, evaluated in double and rounded to float like NanoPyx. */
    public static float distanceWeight(float d, float tSS) {
        double e = d * Math.exp(-((double) d * d) / tSS);
        double e2 = e * e;
        return (float) (e2 * e2);
    }

    /** {@code 1 - |Gy dx - Gx dy| / (|G| d)}, with 0 where the gradient vanishes (NaN in NanoPyx's formula). */
    public static float dk(float gx, float gy, float dx, float dy, float d) {
        float cross = (float) (Math.abs(gy * dx - gx * dy) / Math.sqrt(gx * gx + gy * gy));
        if (Float.isNaN(cross)) {
            cross = d;
        }
        return 1 - cross / d;
    }

    /** Normalises, applies the sensitivity exponent, clamps at 0 and weights by intensity. */
    public static float finish(RgcParams p, float acc, float wsum, float intensity) {
        float rgc = wsum > 0 ? acc / wsum : 0f;
        if (rgc >= 0 && p.sensitivity() > 1) {
            rgc = (float) Math.pow(rgc, p.sensitivity());
        }
        if (rgc < 0) {
            rgc = 0;
        }
        return p.intensityWeighting() ? rgc * intensity : rgc;
    }
}
