package org.flowscope.methods.esrrf;

import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.robertscross.Gradients;
import org.flowscope.methods.robertscross.RobertsCrossCpu;
import org.flowscope.methods.numerics.interpolation.FourierInterpolation;
import org.flowscope.methods.magnify.MagnifyCpu;
import org.flowscope.methods.magnify.MagnifyParams;
import org.flowscope.methods.rgc.RgcCpu;
import org.flowscope.methods.rgc.RgcInput;
import org.flowscope.methods.rgc.RgcParams;

/**
 * The plain-Java reference of {@link Esrrf}, single-threaded, one frame and one pixel at a time, no tables.
 *
 * <p>Both geometries read the gradients from the half-pixel lattice (see {@link Lattice}). In
 * {@link Geometry#NANOPYX} these are exactly the values NanoPyx reads from its 2M-magnified gradient images;
 * {@link #framesByChain} computes the literal chain of sub-operations for the test that holds the two together. In
 * {@link Geometry#CENTRED} the image is sampled at output pixel centres and the gradients at the pixel corners where
 * the Roberts-cross stencil is centred, every output pixel included.
 */
public final class EsrrfCpu implements Implementation<EsrrfParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf.cpu", Esrrf.class, Backend.CPU,
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
        return fromFrames(p, frames(p, in));
    }

    /** The time series from per-frame maps {@code (F, H M, W M)}: temporal statistic per block, then correction. */
    public static ImageStack fromFrames(EsrrfParams p, ImageStack rgcFrames) {
        int m = p.magnification();
        int hm = rgcFrames.height();
        int wm = rgcFrames.width();
        int block = p.blockLength(rgcFrames.frames());
        int timePoints = p.timePoints(rgcFrames.frames());
        float[] out = new float[timePoints * hm * wm];
        for (int t = 0; t < timePoints; t++) {
            int from = t * block;
            int to = Math.min(from + block, rgcFrames.frames());
            ImageStack rgc = rgcFrames.frames(from, to);
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
            latticeFrame(p, in, f, FrameShift.ZERO, out, f * hm * wm);
        }
        return new ImageStack(in.frames(), hm, wm, out);
    }

    /**
     * The per-frame map {@code (H M, W M)} of frame {@code f} of {@code in} moved back by its drift {@code shift}:
     * the magnification and the gradient lattice are sampled {@code shift} input pixels away from their usual
     * positions (one interpolation, no resampled frame in between), written to {@code out[outOff ..]}. The zero
     * shift gives exactly the map of {@link #frames}.
     */
    public static void frameMap(EsrrfParams p, ImageStack in, int f, FrameShift shift, float[] out, int outOff) {
        latticeFrame(p, in, f, shift, out, outOff);
    }

    /**
     * The per-frame maps computed literally the way NanoPyx chains its sub-operations (Catmull-Rom x M, Roberts
     * cross, Catmull-Rom x 2M of both gradients, RGC); NANOPYX geometry only. {@link #frames} reads the same
     * gradient values from the half-pixel lattice instead of magnifying the whole gradient images by 2M; a test
     * holds the two to each other.
     */
    public static ImageStack framesByChain(EsrrfParams p, ImageStack in) {
        if (p.geometry() != Geometry.NANOPYX) {
            throw new IllegalArgumentException("the sub-operation chain exists only for geometry NANOPYX, got " + p.geometry());
        }
        int m = p.magnification();
        int hm = in.height() * m;
        int wm = in.width() * m;
        float[] out = new float[in.frames() * hm * wm];
        for (int f = 0; f < in.frames(); f++) {
            ImageStack frame = in.frame(f);
            ImageStack imag = MagnifyCpu.apply(MagnifyParams.catmullRom(m), frame);
            Gradients g = RobertsCrossCpu.apply(frame);
            MagnifyParams twice = MagnifyParams.catmullRom(2 * m);
            ImageStack gc2 = MagnifyCpu.apply(twice, g.col());
            ImageStack gr2 = MagnifyCpu.apply(twice, g.row());
            float[] one = RgcCpu.apply(p.rgc(), new RgcInput(gc2, gr2, imag)).data();
            System.arraycopy(one, 0, out, f * hm * wm, hm * wm);
        }
        return new ImageStack(in.frames(), hm, wm, out);
    }

    /**
     * NanoPyx's eSRRF with {@code use_fht=True}: the image and the gradients are magnified by Fourier interpolation
     * ({@link FourierInterpolation}) instead of Catmull-Rom, then RGC, temporal statistic and correction as usual.
     * NANOPYX geometry only; a Java-reference option for parity with NanoPyx, not offered by the other
     * implementations.
     */
    public static ImageStack applyWithFourierInterpolation(EsrrfParams p, ImageStack in) {
        if (p.geometry() != Geometry.NANOPYX) {
            throw new IllegalArgumentException("Fourier interpolation exists only for geometry NANOPYX, got " + p.geometry());
        }
        new Esrrf().validate(p, in);
        int m = p.magnification();
        int hm = in.height() * m;
        int wm = in.width() * m;
        float[] out = new float[in.frames() * hm * wm];
        for (int f = 0; f < in.frames(); f++) {
            ImageStack frame = in.frame(f);
            ImageStack imag = FourierInterpolation.magnify(frame, m);
            Gradients g = RobertsCrossCpu.apply(frame);
            ImageStack gc2 = FourierInterpolation.magnify(g.col(), 2 * m);
            ImageStack gr2 = FourierInterpolation.magnify(g.row(), 2 * m);
            float[] one = RgcCpu.apply(p.rgc(), new RgcInput(gc2, gr2, imag)).data();
            System.arraycopy(one, 0, out, f * hm * wm, hm * wm);
        }
        return fromFrames(p, new ImageStack(in.frames(), hm, wm, out));
    }

    /** One frame of RGC on the gradient lattice, written pixel by pixel with NanoPyx's float32 arithmetic. */
    private static void latticeFrame(EsrrfParams p, ImageStack in, int f, FrameShift shift, float[] out, int outOff) {
        Geometry geo = p.geometry();
        int m = p.magnification();
        int h = in.height();
        int w = in.width();
        int hm = h * m;
        int wm = w * m;
        int lw = 2 * w + 1;
        float[] gx = new float[(2 * h + 1) * lw];
        float[] gy = new float[gx.length];
        Lattice.gradients(geo, in.data(), in.offset(f), h, w, m, shift, gx, gy);
        RgcParams rp = p.rgc();
        float tSS = rp.tSS();
        float tSO = rp.tSO();
        int n = rp.latticeHalfWidth();
        int margin = Lattice.margin(geo, p.radius(), m);
        int kMin = Lattice.minIndex(geo);
        int kyMax = Lattice.maxIndex(geo, h, m);
        int kxMax = Lattice.maxIndex(geo, w, m);
        for (int rM = margin; rM < hm - margin; rM++) {
            int yLo = Lattice.lo(geo, rM, m, n);
            int yHi = Lattice.hi(geo, rM, m, n);
            for (int cM = margin; cM < wm - margin; cM++) {
                int xLo = Lattice.lo(geo, cM, m, n);
                int xHi = Lattice.hi(geo, cM, m, n);
                float acc = 0;
                float wsum = 0;
                for (int ky = yLo; ky <= yHi; ky++) {
                    if (ky < kMin || ky > kyMax) {
                        continue;
                    }
                    float dy = Lattice.offset(geo, ky, rM, m);
                    int row = Math.min(ky, 2 * h) * lw;
                    for (int kx = xLo; kx <= xHi; kx++) {
                        if (kx < kMin || kx > kxMax) {
                            continue;
                        }
                        float dx = Lattice.offset(geo, kx, cM, m);
                        float d = (float) Math.sqrt(dx * dx + dy * dy);
                        if (d == 0 || d > tSO) {
                            continue;
                        }
                        int li = row + Math.min(kx, 2 * w);
                        float gxv = gx[li];
                        float gyv = gy[li];
                        float wt = RgcCpu.distanceWeight(d, tSS);
                        wsum += wt;
                        if (gxv * dx + gyv * dy < 0) {
                            acc += RgcCpu.dk(gxv, gyv, dx, dy, d) * wt;
                        }
                    }
                }
                float intensity = p.intensityWeighting() ? intensity(geo, in, f, rM, cM, m, shift) : 1f;
                out[outOff + rM * wm + cM] = RgcCpu.finish(rp, acc, wsum, intensity);
            }
        }
    }

    /**
     * The magnified image at output pixel (rM, cM) plus the shift: NanoPyx samples at rM/M, the centred geometry at
     * the centre.
     */
    private static float intensity(Geometry geo, ImageStack in, int f, int rM, int cM, int m, FrameShift s) {
        return geo.interpolator().at(in.data(), in.offset(f), in.height(), in.width(),
                geo.sampling().position(rM, m) + s.dy(), geo.sampling().position(cM, m) + s.dx());
    }
}
