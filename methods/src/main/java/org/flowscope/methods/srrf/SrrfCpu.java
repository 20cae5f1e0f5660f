package org.flowscope.methods.srrf;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.esrrf.MacroPixelCorrection;
import org.flowscope.methods.numerics.interpolation.Interpolator;

/**
 * The plain-Java reference of {@link Srrf}: single-threaded, one frame and one pixel at a time, every interpolation
 * through the shared {@link Interpolator}, NanoPyx's float32 arithmetic in the per-frame radiality, and each temporal
 * analysis written out literally ({@link TemporalReference}).
 */
public final class SrrfCpu implements Implementation<SrrfParams, ImageStack, ImageStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("srrf.cpu", Srrf.class, Backend.CPU,
            Precision.MIXED, "SRRF, single-threaded Java reference");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public ImageStack run(SrrfParams params, ImageStack input, ExecutionContext context) {
        return apply(params, input);
    }

    /** The SRRF time series {@code (T, H M, W M)} of {@code in}. */
    public static ImageStack apply(SrrfParams p, ImageStack in) {
        new Srrf().validate(p, in);
        return fromFrames(p, frames(p, in.frames(0, p.usedFrames(in.frames()))));
    }

    /**
     * The time series from per-frame maps {@code (F, H M, W M)} (as {@link #frames} returns them): the temporal
     * analysis per block, then, in the centred geometry, the macro-pixel correction.
     */
    public static ImageStack fromFrames(SrrfParams p, ImageStack maps) {
        int hm = maps.height();
        int wm = maps.width();
        int px = hm * wm;
        int block = p.blockLength(maps.frames());
        int timePoints = p.timePoints(maps.frames());
        float[] out = new float[timePoints * px];
        for (int t = 0; t < timePoints; t++) {
            int from = t * block;
            int to = Math.min(from + block, maps.frames());
            ImageStack b = maps.frames(from, to);
            float[] stat = p.geometry() == Geometry.NANOPYX
                    ? TemporalReference.nanopyx(p.temporal(), b.data(), b.frames(), px)
                    : TemporalReference.exact(p.temporal(), b.data(), b.frames(), px);
            if (p.macroPixelCorrection() && !p.correctsFrames()) {
                MacroPixelCorrection.applyInPlace(stat, 0, hm, wm, p.magnification());
            }
            System.arraycopy(stat, 0, out, t * px, px);
        }
        return new ImageStack(timePoints, hm, wm, out);
    }

    /**
     * The per-frame maps {@code (F, H M, W M)}: intensity-weighted radiality, in the NanoPyx geometry also
     * macro-pixel corrected frame by frame (what NanoPyx's {@code SRRF()} returns).
     */
    public static ImageStack frames(SrrfParams p, ImageStack in) {
        int m = p.magnification();
        int hm = in.height() * m;
        int wm = in.width() * m;
        float[] out = new float[in.frames() * hm * wm];
        for (int f = 0; f < in.frames(); f++) {
            radialityFrame(p, in, f, out, f * hm * wm);
            if (p.correctsFrames()) {
                MacroPixelCorrection.applyInPlace(out, f * hm * wm, hm, wm, m);
            }
        }
        return new ImageStack(in.frames(), hm, wm, out);
    }

    /**
     * The gradients of frame {@code f}, {@code [Gx, Gy]} of {@code h x w}: NanoPyx's central differences (0 on the
     * outermost pixels) or those of the edge-replicated frame (every pixel, one-sided at the edges).
     */
    static float[][] gradients(Geometry g, float[] img, int off, int h, int w) {
        float[] gx = new float[h * w];
        float[] gy = new float[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (g == Geometry.NANOPYX && (r < 1 || r > h - 2 || c < 1 || c > w - 2)) {
                    continue;
                }
                int rm = Math.max(r - 1, 0);
                int rp = Math.min(r + 1, h - 1);
                int cm = Math.max(c - 1, 0);
                int cp = Math.min(c + 1, w - 1);
                gx[r * w + c] = -img[off + r * w + cm] + img[off + r * w + cp];
                gy[r * w + c] = -img[off + rm * w + c] + img[off + rp * w + c];
            }
        }
        return new float[][] {gx, gy};
    }

    /** One frame of intensity-weighted radiality, written pixel by pixel with NanoPyx's float32 arithmetic. */
    private static void radialityFrame(SrrfParams p, ImageStack in, int f, float[] out, int outOff) {
        Geometry geo = p.geometry();
        Interpolator cr = geo.interpolator();
        int m = p.magnification();
        int h = in.height();
        int w = in.width();
        int hm = h * m;
        int wm = w * m;
        float[][] g = gradients(geo, in.data(), in.offset(f), h, w);
        float[] ring = p.ring();
        float radius = p.magnifiedRingRadius();
        int margin = geo.margin(p.border(), m);
        for (int j = margin; j < hm - margin; j++) {
            for (int i = margin; i < wm - margin; i++) {
                float xc = (float) (i + 0.5);
                float yc = (float) (j + 0.5);
                float sum = 0;
                for (int k = 0; k < SrrfParams.RING_POINTS; k++) {
                    float xr = ring[2 * k];
                    float yr = ring[2 * k + 1];
                    float x0 = xc + xr;
                    float y0 = yc + yr;
                    float gx = cr.at(g[0], 0, h, w, y0 / m, x0 / m);
                    float gy = cr.at(g[1], 0, h, w, y0 / m, x0 / m);
                    float dk = dk(gx, gy, xc - x0, yc - y0, radius);
                    if (gx * xr + gy * yr > 0) {
                        sum -= dk;
                    } else {
                        sum += dk;
                    }
                }
                sum /= SrrfParams.RING_POINTS;
                float cgh = p.positivityConstraint() ? Math.max(sum, 0f) : sum;
                if (p.intensityWeighting()) {
                    cgh *= cr.at(in.data(), in.offset(f), h, w, geo.sampling().position(j, m),
                            geo.sampling().position(i, m));
                }
                out[outOff + j * wm + i] = cgh;
            }
        }
    }

    /**
     * A ring point's term {@code (1 - |g x (centre - point)| / |g| / R)^2}, 0 for a zero gradient; the norm and the
     * division in double, as NanoPyx's C promotes them.
     */
    static float dk(float gx, float gy, float dx, float dy, float radius) {
        float mag = (float) Math.sqrt(gx * gx + gy * gy);
        if (mag == 0) {
            return 0f;
        }
        float d = (float) (1 - (Math.abs((double) (gy * dx - gx * dy)) / mag) / radius);
        return d * d;
    }
}
