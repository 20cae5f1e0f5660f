package org.flowscope.methods.frc;

import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.fft.Fourier;
import org.flowscope.methods.quality.SavitzkyGolay;

/**
 * The plain-Java reference implementation of {@link Frc}.
 *
 * <p>The GPU variants ({@link FrcOpenCl}, {@link FrcCuda}) compute the same steps on the device; there is no threaded
 * CPU variant: the work is two FFTs of one image plus a ring sum of about 2&pi;r bilinear samples per ring.
 */
public final class FrcCpu implements Implementation<FrcParams, FrcInput, FrcResult> {
    private static final Frc OPERATION = new Frc();
    private static final float TWO_PI_F = (float) (2 * Math.PI);

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("frc.cpu", Frc.class, Backend.CPU, Precision.MIXED,
                "Fourier ring correlation, JTransforms FFT, plain Java ring sums");
    }

    @Override
    public FrcResult run(FrcParams params, FrcInput input, ExecutionContext context) {
        return compute(params, input);
    }

    /** Computes the FRC without an engine (validates first). */
    public static FrcResult compute(FrcParams params, FrcInput input) {
        OPERATION.validate(params, input);
        int h = input.first().height();
        int w = input.first().width();
        int n = side(h, w);
        float[] a = windowedCrop(input.first().data(), h, w, n);
        float[] b = windowedCrop(input.second().data(), h, w, n);
        double[] fa = Fourier.shift(Fourier.forward(a, n, n), n, n);
        double[] fb = Fourier.shift(Fourier.forward(b, n, n), n, n);
        float[] p0 = new float[n * n];
        float[] p1 = new float[n * n];
        float[] p2 = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            // NanoPyx keeps the spectra in complex64 and the planes in float32
            float ar = (float) fa[2 * i];
            float ai = (float) fa[2 * i + 1];
            float br = (float) fb[2 * i];
            float bi = (float) fb[2 * i + 1];
            p0[i] = ar * br + ai * bi;
            p1[i] = ar * ar + ai * ai;
            p2[i] = br * br + bi * bi;
        }
        int centre = n / 2;
        int maxR = centre - 1;
        double[] raw = new double[maxR];
        raw[0] = 1;
        for (int r = 1; r < maxR; r++) {
            raw[r] = ringCorrelation(p0, p1, p2, n, centre, r);
        }
        return result(params, n, raw);
    }

    /** Side of the analysed square: the smaller side, made even. */
    static int side(int h, int w) {
        int n = Math.min(h, w);
        return n % 2 == 1 ? n - 1 : n;
    }

    /** Smoothing, frequency axis and crossing of the raw ring correlation of an {@code n x n} crop (steps 5 and 6). */
    static FrcResult result(FrcParams params, int n, double[] raw) {
        int maxR = raw.length;
        int window = (int) (0.0707 * maxR);
        if (window <= 3) {
            window = 4;
        }
        double[] smoothed = SavitzkyGolay.smooth(raw, window, 3);
        double[] freq = frequencies(params.convention(), n, maxR);
        double crossing = firstCrossing(params.convention(), freq, smoothed, Frc.THRESHOLD);
        double resPx = crossing > 0 ? 1.0 / crossing : Double.NaN;
        double resNm = params.hasPixelSize() ? resPx * params.pixelSizeNm() : Double.NaN;
        return new FrcResult(resPx, resNm, freq, raw, smoothed, Frc.THRESHOLD);
    }

    /** The ring correlation from its three sums; 0 where a denominator vanishes. */
    static double ratio(double s0, double s1, double s2) {
        double denom = Math.sqrt(s1 * s2);
        return denom > 0 ? s0 / denom : 0;
    }

    private static float[] windowedCrop(float[] img, int h, int w, int n) {
        int y0 = (h - n) / 2;
        int x0 = (w - n) / 2;
        double[] win = tukey(n, 0.25);
        float[] out = new float[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                out[y * n + x] = (float) (img[(y0 + y) * w + x0 + x] * win[y] * win[x]);
            }
        }
        return out;
    }

    /** SciPy's symmetric {@code windows.tukey(m, alpha)}. */
    static double[] tukey(int m, double alpha) {
        double[] wv = new double[m];
        int width = (int) Math.floor(alpha * (m - 1) / 2.0);
        for (int i = 0; i < m; i++) {
            if (i <= width) {
                wv[i] = 0.5 * (1 + Math.cos(Math.PI * (-1 + 2.0 * i / alpha / (m - 1))));
            } else if (i < m - width - 1) {
                wv[i] = 1;
            } else {
                wv[i] = 0.5 * (1 + Math.cos(Math.PI * (-2.0 / alpha + 1 + 2.0 * i / alpha / (m - 1))));
            }
        }
        return wv;
    }

    private static double ringCorrelation(float[] p0, float[] p1, float[] p2, int n, int centre, int r) {
        float step = (float) (1.0 / r);
        int count = (int) Math.ceil((double) TWO_PI_F / (double) step);
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < count; i++) {
            float phi = (float) i * step;
            double cos = Math.cos(phi);
            double sin = Math.sqrt(Math.max(0, 1 - cos * cos));
            if (phi > Math.PI) {
                sin = -sin;
            }
            double x = centre + r * cos;
            double y = centre + r * sin;
            int x0 = (int) x;
            int y0 = (int) y;
            double fx = Math.max(0, x - x0);
            double fy = Math.max(0, y - y0);
            s0 += bilinear(p0, n, x0, y0, fx, fy);
            s1 += bilinear(p1, n, x0, y0, fx, fy);
            s2 += bilinear(p2, n, x0, y0, fx, fy);
        }
        return ratio(s0, s1, s2);
    }

    private static double bilinear(float[] p, int n, int x0, int y0, double fx, double fy) {
        int i = y0 * n + x0;
        double top = p[i] + fx * (p[i + 1] - p[i]);
        double bottom = p[i + n] + fx * (p[i + n + 1] - p[i + n]);
        return top + fy * (bottom - top);
    }

    static double[] frequencies(FrcConvention convention, int n, int maxR) {
        double[] f = new double[maxR];
        for (int r = 0; r < maxR; r++) {
            f[r] = convention == FrcConvention.NANOPYX ? (float) (0.5 * r / (maxR - 1)) : (double) r / n;
        }
        return f;
    }

    /** The frequency of the first threshold crossing, or 0 if none. */
    static double firstCrossing(FrcConvention convention, double[] f, double[] y, double t) {
        for (int i = 1; i < y.length; i++) {
            double y1 = y[i - 1];
            double y2 = y[i];
            boolean down = y1 >= t && y2 < t;
            boolean up = t >= y1 && t < y2;
            if (down || (convention == FrcConvention.NANOPYX && up)) {
                return f[i - 1] + (t - y1) * (f[i] - f[i - 1]) / (y2 - y1);
            }
        }
        return 0;
    }
}
