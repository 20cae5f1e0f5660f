package org.flowscope.methods.decorr;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.fft.Fourier;
import org.flowscope.methods.quality.GaussianFilter;

/**
 * The arithmetic of {@link Decorr}, shared by the sequential and the threaded implementation: they differ only in
 * whether the {@code n_g} high-pass curves of one pass are computed one after another or concurrently, and each
 * curve is computed by the same code, so both give bit-identical results.
 */
final class DecorrAnalysis {
    static final int APODISATION_PX = 20;
    private static final double PEAK_MARGIN = 0.001;
    private static final double G_MIN = 0.14;

    private final DecorrParams params;
    private final ForkJoinPool pool;

    /** {@code pool} runs the curves of a high-pass series concurrently; null runs them in order. */
    DecorrAnalysis(DecorrParams params, ForkJoinPool pool) {
        this.params = params;
        this.pool = pool;
    }

    DecorrResult run(ImageStack image) {
        float[] padded = pad(apodise(image.data(), image.height(), image.width()), image.height(), image.width());
        int n = paddedSide(image.height(), image.width());
        float[][] spectrum = spectrum(padded, n);
        spectrum[0][(n / 2) * n + n / 2] = 0;
        spectrum[1][(n / 2) * n + n / 2] = 0;
        double rmin = params.rmin();
        double rmax = params.rmax();
        double[] d0 = curve(spectrum, n, rmin, rmax);
        // [decision] NanoPyx maps this first peak on [0, 1] whatever rmin/rmax are; we map it on the analysed range
        double[] p0 = peak(d0, rmin, rmax);
        List<DecorrCurve> curves = new ArrayList<>();
        curves.add(new DecorrCurve(0, 0, rmin, rmax, d0, p0[0], p0[1]));

        double gMax = p0[0] == 0 ? n / 2 : (float) (2 / (float) p0[0]);
        double gMin = G_MIN;
        List<DecorrCurve> first = series(padded, n, 1, gMin, gMax, rmin, rmax);
        curves.addAll(first);
        List<DecorrCurve> candidates = new ArrayList<>(first);
        candidates.add(curves.get(0));
        int gm = best(candidates, true);
        int mx = best(candidates, false);
        if (gm < 0 || mx < 0) {
            return new DecorrResult(Double.NaN, Double.NaN, 0, 0, curves);
        }
        double kcGm = candidates.get(gm).kc();
        double kcMx = candidates.get(mx).kc();
        double crmin = Math.max(rmin, Math.min(kcGm, kcMx) - 0.05);
        double crmax = Math.min(rmax, Math.max(kcGm, kcMx) + 0.3);
        int i1 = Math.min(gm, mx) - 1;
        int i2 = Math.max(gm, mx);
        int ng = params.ng();
        double newMin;
        double newMax;
        if (i2 < ng) {
            newMin = Math.exp(Math.log(gMin) + (Math.log(gMax) - Math.log(gMin)) * i1 / (ng - 1));
            newMax = Math.exp(Math.log(gMin) + (Math.log(gMax) - Math.log(gMin)) * i2 / (ng - 1));
        } else {
            // [decision] The unfiltered curve won. NanoPyx then sets the range to [2/N, g_min] in C integer division
            // (2/N = 0, NaN sigmas, a crash in SciPy); even as 2.0/N that range only holds near-identity blurs whose
            // high-pass images are rounding noise. Less filtering won, so we refine from the second-largest coarse
            // sigma up to 8 g_max (capped at N/2), where the high pass no longer touches frequencies near kc0 and
            // the curve is the unfiltered one there; larger sigmas would only make the blur slower.
            newMin = Math.exp(Math.log(gMin) + (Math.log(gMax) - Math.log(gMin)) * (ng - 2) / (ng - 1));
            newMax = Math.min(n / 2.0, 8 * gMax);
        }
        List<DecorrCurve> second = series(padded, n, 2, newMin, newMax, crmin, crmax);
        curves.addAll(second);
        int best = best(second, false);
        if (best < 0) {
            return new DecorrResult(Double.NaN, Double.NaN, 0, 0, curves);
        }
        double kcMax = second.get(best).kc();
        double resPx = 2 / kcMax;
        double resNm = params.hasPixelSize() ? resPx * params.pixelSizeNm() : Double.NaN;
        return new DecorrResult(resPx, resNm, kcMax, second.get(best).amplitude(), curves);
    }

    static int paddedSide(int h, int w) {
        int side = Math.max(h, w);
        return Integer.highestOneBit(side) == side ? side : Integer.highestOneBit(side) << 1;
    }

    /** Cosine edge apodisation towards the mean of the pixels outside the inscribed circle (radius W/2 - 20). */
    static float[] apodise(float[] img, int h, int w) {
        int cy = h / 2;
        int cx = w / 2;
        long r = cx - APODISATION_PX;
        double sum = 0;
        long count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long dy = y - cy;
                long dx = x - cx;
                if (dy * dy + dx * dx > r * r) {
                    sum += img[y * w + x];
                    count++;
                }
            }
        }
        float edgeMean = (float) (count == 0 ? 0 : sum / count);
        float[] out = img.clone();
        for (int y = 0; y < h; y++) {
            int ey = Math.abs(Math.abs(y - cy) - cy);
            for (int x = 0; x < w; x++) {
                int ex = Math.abs(Math.abs(x - cx) - cx);
                if (ex <= APODISATION_PX || ey <= APODISATION_PX) {
                    int delta = Math.min(ex, ey);
                    float c = (float) ((Math.cos(delta * Math.PI / APODISATION_PX - Math.PI) + 1) / 2);
                    int i = y * w + x;
                    out[i] = c * (out[i] - edgeMean) + edgeMean;
                }
            }
        }
        return out;
    }

    /**
     * Pads to the next power-of-two square with the value of pixel (0, 0) (the edge mean after apodisation), centred
     * horizontally and top-aligned as NanoPyx does. [decision] We keep the top alignment: d(r) only uses spectral
     * magnitudes, which do not change when the image moves inside a constant frame, so the alignment only touches
     * the Gaussian's reflect boundary in the high-pass images.
     */
    static float[] pad(float[] img, int h, int w) {
        int n = paddedSide(h, w);
        float[] out = new float[n * n];
        java.util.Arrays.fill(out, img[0]);
        int ox = (n - w) / 2;
        for (int y = 0; y < h; y++) {
            System.arraycopy(img, y * w, out, y * n + ox, w);
        }
        return out;
    }

    /** {@code fftshift(FFT2(img))} rounded to complex64 as NumPy returns it for float32 input: {re, im} planes. */
    static float[][] spectrum(float[] img, int n) {
        double[] c = Fourier.shift(Fourier.forward(img, n, n), n, n);
        float[] re = new float[n * n];
        float[] im = new float[n * n];
        for (int i = 0; i < n * n; i++) {
            re[i] = (float) c[2 * i];
            im[i] = (float) c[2 * i + 1];
        }
        return new float[][] {re, im};
    }

    /** The decorrelation curve d(r) of a shifted spectrum, {@code n_r} samples on [crmin, crmax] (spec &sect;11.2). */
    double[] curve(float[][] spectrum, int n, double crmin, double crmax) {
        float[] re = spectrum[0];
        float[] im = spectrum[1];
        int nr = params.nr();
        int c = n / 2;
        double cr2 = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                long dy = y - c;
                long dx = x - c;
                if (4 * (dy * dy + dx * dx) < (long) n * n) {
                    int i = y * n + x;
                    cr2 += (double) re[i] * re[i] + (double) im[i] * im[i];
                }
            }
        }
        double cr = Math.sqrt(cr2);
        double[] a = new double[nr];
        double[] b = new double[nr];
        int ox = (int) (n * (1 - crmax) / 2);
        int wd = (int) (n * crmax);
        long stop = (long) n * n / 2 + n / 2;
        outer:
        for (int x = ox; x < ox + wd; x++) {
            for (int y = ox; y < ox + wd; y++) {
                // only the left half-plane plus half the centre column: the spectrum of a real image is symmetric
                if ((long) x * n + y > stop) {
                    break outer;
                }
                long dx = x - c;
                long dy = y - c;
                double rho = Math.sqrt(4.0 * (dx * dx + dy * dy) / ((double) n * n));
                if (rho <= crmax) {
                    double t = (rho - crmin) / (crmax - crmin) * (nr - 1);
                    if (t < 0) {
                        t = 0;
                    }
                    int k = (int) Math.round(t);
                    if (k < nr) {
                        int i = y * n + x;
                        double mag = Math.sqrt((double) re[i] * re[i] + (double) im[i] * im[i]);
                        if (mag > 0) {
                            a[k] += mag;
                            b[k] += 1;
                        }
                    }
                }
            }
        }
        double[] d = new double[nr];
        double sa = 0;
        double sb = 0;
        for (int k = 0; k < nr; k++) {
            sa += a[k];
            sb += b[k];
            d[k] = cr == 0 || sb == 0 ? Double.NaN : Math.sqrt(2) * sa / (cr * Math.sqrt(sb));
        }
        if (Double.isNaN(d[0])) {
            d[0] = 0;
        }
        return d;
    }

    /**
     * The peak of a curve (spec &sect;11.3): the arg-max, but a maximum at the high-frequency end is only accepted
     * as a local maximum once it stands more than 0.001 above the minimum after it; returns {kc, amplitude}.
     */
    static double[] peak(double[] d, double r1, double r2) {
        int nr = d.length;
        double[] t = d.clone();
        int idx = argMax(t);
        double value = t[idx];
        int length = nr;
        while (idx == length - 1) {
            t[length - 1] = 0;
            length--;
            if (length == 0) {
                idx = 0;
                value = 0;
                break;
            }
            idx = argMax(t);
            value = t[idx];
            double min = t[idx];
            for (int k = idx; k < length - 1; k++) {
                if (t[k] < min) {
                    min = t[k];
                }
            }
            if (t[idx] - min > PEAK_MARGIN) {
                break;
            }
            t[idx] = min;
            idx = length - 1;
        }
        return new double[] {r1 + (r2 - r1) * idx / (nr - 1), value};
    }

    private static int argMax(double[] t) {
        int idx = 0;
        for (int k = 1; k < t.length; k++) {
            if (t[k] > t[idx]) {
                idx = k;
            }
        }
        return idx;
    }

    /**
     * Index of the curve with the largest kc&middot;A ({@code geometric}) or kc, strictly positive; -1 if none.
     * [decision] A curve without a peak (A = 0, e.g. all-NaN curves of near-identity blurs) is no candidate; NanoPyx
     * lets it compete with kc = crmin.
     */
    private static int best(List<DecorrCurve> curves, boolean geometric) {
        int idx = -1;
        double top = 0;
        for (int k = 0; k < curves.size(); k++) {
            DecorrCurve c = curves.get(k);
            if (!(c.amplitude() > 0)) {
                continue;
            }
            double score = geometric ? c.kc() * c.amplitude() : c.kc();
            if (score > top) {
                top = score;
                idx = k;
            }
        }
        return idx;
    }

    private List<DecorrCurve> series(float[] padded, int n, int pass, double gMin, double gMax, double crmin, double crmax) {
        int ng = params.ng();
        if (pool == null) {
            return IntStream.range(0, ng).mapToObj(k -> highPass(padded, n, pass, gMin, gMax, k, crmin, crmax)).toList();
        }
        return pool.submit(() -> IntStream.range(0, ng).parallel()
                .mapToObj(k -> highPass(padded, n, pass, gMin, gMax, k, crmin, crmax)).toList()).join();
    }

    private DecorrCurve highPass(float[] padded, int n, int pass, double gMin, double gMax, int k, double crmin, double crmax) {
        double sigma = Math.exp(Math.log(gMin) + (Math.log(gMax) - Math.log(gMin)) * ((float) k / (params.ng() - 1)));
        float[] blurred = GaussianFilter.filter(padded, n, n, sigma);
        float[] h = new float[padded.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = padded[i] - blurred[i];
        }
        double[] d = curve(spectrum(h, n), n, crmin, crmax);
        double[] p = peak(d, crmin, crmax);
        return new DecorrCurve(pass, sigma, crmin, crmax, d, p[0], p[1]);
    }
}
