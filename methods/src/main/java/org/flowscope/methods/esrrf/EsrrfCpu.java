package org.flowscope.methods.esrrf;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.gradients.Gradients;
import org.flowscope.methods.gradients.RobertsCrossCpu;
import org.flowscope.methods.interp.ShiftAndMagnifyCpu;
import org.flowscope.methods.interp.ShiftAndMagnifyParams;
import org.flowscope.methods.rgc.RadialGradientConvergenceCpu;
import org.flowscope.methods.rgc.RgcInput;
import org.flowscope.methods.rgc.RgcParams;

/**
 * The plain-Java reference of {@link Esrrf}, single-threaded, one frame and one pixel at a time.
 *
 * <p>In {@link Geometry#NANOPYX} it literally chains the sub-operations the way NanoPyx's eSRRF_ST does
 * (Catmull-Rom x M, Roberts cross, Catmull-Rom x 2M of both gradients, RGC). In {@link Geometry#CENTRED} it
 * samples the image at output pixel centres and the gradients on the corner-centred half-pixel lattice (see
 * {@link Lattice}), every output pixel included.
 */
public final class EsrrfCpu implements Implementation<EsrrfParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf.cpu", Esrrf.ID, Backend.CPU,
            Precision.MIXED, "eSRRF, single-threaded Java reference");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(EsrrfParams params, ImageStack input, ExecutionContext context) {
        return apply(params, input);
    }

    /** The eSRRF time series {@code (T, H M, W M)} of {@code in}. */
    public static ImageStack apply(EsrrfParams p, ImageStack in) {
        new Esrrf().validate(p, in);
        int m = p.magnification();
        int hm = in.height() * m;
        int wm = in.width() * m;
        int block = p.blockLength(in.frames());
        int timePoints = p.timePoints(in.frames());
        float[] out = new float[timePoints * hm * wm];
        for (int t = 0; t < timePoints; t++) {
            int from = t * block;
            int to = Math.min(from + block, in.frames());
            ImageStack rgc = frames(p, in.frames(from, to));
            float[] stat = TemporalStatistics.reduce(p.temporal(), rgc.data(), rgc.frames(), hm * wm);
            if (p.macroPixelCorrection()) {
                MacroPixelCorrection.applyInPlace(stat, 0, hm, wm, m);
            }
            System.arraycopy(stat, 0, out, t * hm * wm, hm * wm);
        }
        return new ImageStack(timePoints, hm, wm, out);
    }

    /** The per-frame intensity-weighted RGC maps {@code (F, H M, W M)}, before any temporal statistic. */
    public static ImageStack frames(EsrrfParams p, ImageStack in) {
        int m = p.magnification();
        int hm = in.height() * m;
        int wm = in.width() * m;
        float[] out = new float[in.frames() * hm * wm];
        for (int f = 0; f < in.frames(); f++) {
            float[] one = p.geometry() == Geometry.NANOPYX ? nanopyxFrame(p, in.frame(f)) : centredFrame(p, in, f);
            System.arraycopy(one, 0, out, f * hm * wm, hm * wm);
        }
        return new ImageStack(in.frames(), hm, wm, out);
    }

    private static float[] nanopyxFrame(EsrrfParams p, ImageStack frame) {
        int m = p.magnification();
        ImageStack imag = ShiftAndMagnifyCpu.apply(ShiftAndMagnifyParams.catmullRom(m), frame);
        Gradients g = RobertsCrossCpu.apply(frame);
        ShiftAndMagnifyParams twice = ShiftAndMagnifyParams.catmullRom(2 * m);
        ImageStack gc2 = ShiftAndMagnifyCpu.apply(twice, g.col());
        ImageStack gr2 = ShiftAndMagnifyCpu.apply(twice, g.row());
        return RadialGradientConvergenceCpu.apply(p.rgc(), new RgcInput(gc2, gr2, imag)).data();
    }

    private static float[] centredFrame(EsrrfParams p, ImageStack in, int f) {
        int m = p.magnification();
        int h = in.height();
        int w = in.width();
        int hm = h * m;
        int wm = w * m;
        int lw = 2 * w + 1;
        float[] gx = new float[(2 * h + 1) * lw];
        float[] gy = new float[gx.length];
        Lattice.gradients(Geometry.CENTRED, in.data(), in.offset(f), h, w, m, gx, gy);
        RgcParams rp = p.rgc();
        float tSS = rp.tSS();
        float tSO = rp.tSO();
        int n = rp.latticeHalfWidth();
        float[] out = new float[hm * wm];
        for (int rM = 0; rM < hm; rM++) {
            int by = Lattice.base(Geometry.CENTRED, rM, m);
            for (int cM = 0; cM < wm; cM++) {
                int bx = Lattice.base(Geometry.CENTRED, cM, m);
                float acc = 0;
                float wsum = 0;
                for (int ky = by - n; ky <= by + n; ky++) {
                    if (ky < 0 || ky > 2 * h) {
                        continue;
                    }
                    float dy = Lattice.offset(Geometry.CENTRED, ky, rM, m);
                    for (int kx = bx - n; kx <= bx + n; kx++) {
                        if (kx < 0 || kx > 2 * w) {
                            continue;
                        }
                        float dx = Lattice.offset(Geometry.CENTRED, kx, cM, m);
                        float d = (float) Math.sqrt(dx * dx + dy * dy);
                        if (d == 0 || d > tSO) {
                            continue;
                        }
                        float gxv = gx[ky * lw + kx];
                        float gyv = gy[ky * lw + kx];
                        float wt = RadialGradientConvergenceCpu.distanceWeight(d, tSS);
                        wsum += wt;
                        if (gxv * dx + gyv * dy < 0) {
                            acc += RadialGradientConvergenceCpu.dk(gxv, gyv, dx, dy, d) * wt;
                        }
                    }
                }
                float intensity = p.intensityWeighting()
                        ? Lattice.catmullRomClamped(in.data(), in.offset(f), h, w, (rM + 0.5) / m, (cM + 0.5) / m)
                        : 1f;
                out[rM * wm + cM] = RadialGradientConvergenceCpu.finish(rp, acc, wsum, intensity);
            }
        }
        return out;
    }
}
