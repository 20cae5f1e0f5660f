package org.flowscope.methods.crosscorrelation;

import java.util.HashMap;
import java.util.Map;
import org.flowscope.methods.numerics.fft.Fourier;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.FourierShift;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * Cross-correlates frames against one reference image and locates each map's sub-pixel maximum. Holds the
 * reference spectra and FFT plans, so it is built once per reference and per thread (not thread-safe). The maths
 * is documented on {@link CrossCorrelation}.
 */
public final class CcmKernel {
    /** Edge taper width as a fraction of the side (1/8): suppresses the wrap-around edge of circular correlation. */
    private static final int TAPER_DIVISOR = 8;
    /** The interior left after the refinement margins must keep at least this many pixels per axis. */
    private static final int MIN_INTERIOR = 8;
    private static final Interpolator LANCZOS3_EDGE = Interpolator.normalised(Kernel.LANCZOS3, Border.NEAREST);

    private final int h;
    private final int w;
    /** FFT size: the image size when it is 2,3,5-smooth, else the next such size (zero padding). */
    private final int fh;
    private final int fw;
    private final boolean exact;
    private final float[] reference;
    private final int refOffset;
    private final Fourier fft;
    private final double smoothing;
    private final Map<Long, double[][]> windows = new HashMap<>();
    private final Map<Long, double[]> refSpectra = new HashMap<>();
    private final double[] spectrum;
    private final double[] work;
    private final double[] corr;
    private final float[] shifted;
    private final double[] frameBuf;
    private final double[] rawSpectrum;

    /**
     * @param reference   image of h*w pixels starting at {@code offset}; kept by reference, not copied
     * @param smoothingPx sigma (pixels) of the Gaussian low-pass applied to the cross-power spectrum, 0 = none
     */
    public CcmKernel(float[] reference, int offset, int h, int w, double smoothingPx) {
        this.smoothing = smoothingPx;
        this.h = h;
        this.w = w;
        this.reference = reference;
        this.refOffset = offset;
        this.fh = smoothSize(h);
        this.fw = smoothSize(w);
        this.exact = fh == h && fw == w;
        this.fft = new Fourier(fh, fw);
        this.spectrum = new double[2 * fh * fw];
        this.work = new double[2 * fh * fw];
        this.corr = new double[fh * fw];
        this.shifted = new float[h * w];
        this.frameBuf = new double[2 * fh * fw];
        this.rawSpectrum = exact ? new double[2 * h * w] : null;
    }

    /**
     * Correlates the frame of h*w pixels at {@code offset} with the reference and refines the maximum.
     *
     * @param maxShift     largest |shift| per axis searched, pixels ({@code <= 0}: half the image)
     * @param refinePasses passes of re-correlation after undoing the current estimate (see {@link CrossCorrelation})
     * @param mapOut       if not null, receives the normalised map (fft-shifted: zero shift at (h/2, w/2))
     */
    public CcmPeak estimate(float[] frame, int offset, double maxShift, int refinePasses, float[] mapOut, int mapOffset) {
        CcmPeak first = correlate(frame, offset, maxShift, mapOut, mapOffset);
        double dx = first.dx();
        double dy = first.dy();
        if (refinePasses > 0 && exact) {
            // the unwindowed spectrum, translated back by a phase ramp in each pass
            for (int i = 0; i < h * w; i++) {
                rawSpectrum[2 * i] = frame[offset + i];
                rawSpectrum[2 * i + 1] = 0;
            }
            fft.forward(rawSpectrum);
        }
        for (int pass = 0; pass < refinePasses; pass++) {
            int my = (int) Math.ceil(Math.abs(dy)) + 2;
            int mx = (int) Math.ceil(Math.abs(dx)) + 2;
            if (h - 2 * my < MIN_INTERIOR || w - 2 * mx < MIN_INTERIOR) {
                break;
            }
            if (exact) {
                System.arraycopy(rawSpectrum, 0, frameBuf, 0, frameBuf.length);
                FourierShift.applyRamp(frameBuf, h, w, -dx, -dy);
                fft.inverse(frameBuf);
                for (int i = 0; i < h * w; i++) {
                    shifted[i] = (float) frameBuf[2 * i];
                }
            } else {
                // a padded FFT would wrap the hard image edge into view; Lanczos-3 has no such edge
                LANCZOS3_EDGE.shift(frame, offset, h, w, -dx, -dy, shifted, 0);
            }
            double[] ref = referenceSpectrum(my, mx);
            crossPower(ref, windowedSpectrum(shifted, 0, my, mx, frameBuf));
            inverseToCorr();
            SubPixelPeak.Located r = SubPixelPeak.locate(spectrum, corr, fh, fw, 2, 2);
            if (Math.abs(r.dx()) > 1 || Math.abs(r.dy()) > 1) {
                break;
            }
            dx += r.dx();
            dy += r.dy();
        }
        return new CcmPeak(dx, dy, first.value());
    }

    /** One plain correlation (no refinement): the map of spec &sect;7.1 with our conventions, and its maximum. */
    public CcmPeak correlate(float[] frame, int offset, double maxShift, float[] mapOut, int mapOffset) {
        crossPower(referenceSpectrum(0, 0), windowedSpectrum(frame, offset, 0, 0, frameBuf));
        inverseToCorr();
        // extremes over the map's shifts: (-h/2 .. h-1-h/2) x (-w/2 .. w-1-w/2)
        int cy = h / 2;
        int cx = w / 2;
        double vMax = Double.NEGATIVE_INFINITY;
        double vMin = Double.POSITIVE_INFINITY;
        int[] at = new int[4];
        for (int y = 0; y < h; y++) {
            int row = Math.floorMod(y - cy, fh) * fw;
            for (int x = 0; x < w; x++) {
                double v = corr[row + Math.floorMod(x - cx, fw)];
                if (v > vMax) {
                    vMax = v;
                    at[0] = y - cy;
                    at[1] = x - cx;
                }
                if (v < vMin) {
                    vMin = v;
                    at[2] = y - cy;
                    at[3] = x - cx;
                }
            }
        }
        double range = vMax - vMin;
        double pMax = range > 0 ? Pearson.overlap(reference, refOffset, frame, offset, h, w, at[0], at[1]) : 0;
        double pMin = range > 0 ? Pearson.overlap(reference, refOffset, frame, offset, h, w, at[2], at[3]) : 0;
        double scale = range > 0 ? (pMax - pMin) / range : 0;
        double base = range > 0 ? pMin - vMin * scale : 0;
        if (mapOut != null) {
            for (int y = 0; y < h; y++) {
                int row = Math.floorMod(y - cy, fh) * fw;
                for (int x = 0; x < w; x++) {
                    mapOut[mapOffset + y * w + x] = (float) (base + scale * corr[row + Math.floorMod(x - cx, fw)]);
                }
            }
        }
        if (range <= 0) {
            return new CcmPeak(0, 0, 0);
        }
        int limY = maxShift > 0 ? (int) Math.min(Math.floor(maxShift), cy) : cy;
        int limX = maxShift > 0 ? (int) Math.min(Math.floor(maxShift), cx) : cx;
        SubPixelPeak.Located peak = SubPixelPeak.locate(spectrum, corr, fh, fw, limY, limX);
        return new CcmPeak(peak.dx(), peak.dy(), base + scale * peak.value());
    }

    private void crossPower(double[] refConj, double[] a) {
        for (int i = 0; i < a.length; i += 2) {
            double rr = refConj[i];
            double ri = refConj[i + 1];
            double fr = a[i];
            double fi = a[i + 1];
            spectrum[i] = rr * fr - ri * fi;
            spectrum[i + 1] = rr * fi + ri * fr;
        }
    }

    private void inverseToCorr() {
        System.arraycopy(spectrum, 0, work, 0, work.length);
        fft.inverse(work);
        for (int i = 0; i < corr.length; i++) {
            corr[i] = work[2 * i];
        }
    }

    private double[] referenceSpectrum(int my, int mx) {
        return refSpectra.computeIfAbsent(key(my, mx), k -> {
            double[] s = windowedSpectrum(reference, refOffset, my, mx, new double[2 * fh * fw]);
            for (int i = 1; i < s.length; i += 2) {
                s[i] = -s[i];
            }
            if (smoothing > 0) {
                double c = 2 * Math.PI * Math.PI * smoothing * smoothing;
                for (int ky = 0; ky < fh; ky++) {
                    double fy = (ky <= fh / 2 ? ky : ky - fh) / (double) fh;
                    for (int kx = 0; kx < fw; kx++) {
                        double fx = (kx <= fw / 2 ? kx : kx - fw) / (double) fw;
                        double g = Math.exp(-c * (fx * fx + fy * fy));
                        s[2 * (ky * fw + kx)] *= g;
                        s[2 * (ky * fw + kx) + 1] *= g;
                    }
                }
            }
            return s;
        });
    }

    private static long key(int my, int mx) {
        return ((long) my << 32) | mx;
    }

    /**
     * DFT of {@code (I - m) . W} with W the separable window (zero on the margins, raised-cosine edges) and m the
     * window-weighted mean, so the windowed image sums to zero and the window's own autocorrelation, which
     * peaks at zero shift, cannot pull the maximum.
     */
    private double[] windowedSpectrum(float[] image, int offset, int my, int mx, double[] a) {
        double[][] win = windows.computeIfAbsent(key(my, mx), k -> new double[][] {taper(h, my), taper(w, mx)});
        double[] ty = win[0];
        double[] tx = win[1];
        double sum = 0;
        double wsum = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double wt = ty[y] * tx[x];
                sum += wt * image[offset + y * w + x];
                wsum += wt;
            }
        }
        double mean = wsum > 0 ? sum / wsum : 0;
        java.util.Arrays.fill(a, 0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                a[2 * (y * fw + x)] = (image[offset + y * w + x] - mean) * ty[y] * tx[x];
            }
        }
        fft.forward(a);
        return a;
    }

    /** The smallest n' >= n whose only prime factors are 2, 3 and 5 (JTransforms' fast mixed-radix sizes). */
    static int smoothSize(int n) {
        for (int m = n;; m++) {
            int r = m;
            for (int p : new int[] {2, 3, 5}) {
                while (r % p == 0) {
                    r /= p;
                }
            }
            if (r == 1) {
                return m;
            }
        }
    }

    static double[] taper(int n, int margin) {
        double[] t = new double[n];
        int width = Math.max(1, n / TAPER_DIVISOR);
        for (int k = 0; k < n; k++) {
            int d = Math.min(k, n - 1 - k) - margin;
            double s = d < 0 ? 0 : d < width ? Math.sin(0.5 * Math.PI * (d + 0.5) / width) : 1;
            t[k] = s * s;
        }
        return t;
    }
}
