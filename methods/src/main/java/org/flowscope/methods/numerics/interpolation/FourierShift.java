package org.flowscope.methods.numerics.interpolation;

import org.flowscope.methods.numerics.fft.Fourier;

/**
 * Sub-pixel translation by a Fourier phase ramp: {@code out(x, y) = in(x - sx, y - sy)} for the periodic,
 * band-limited interpolant of the image. Exact for band-limited periodic content; whatever leaves one edge
 * re-enters at the opposite one. Nyquist terms (even sizes) take the symmetric cosine split so the result is
 * real.
 */
public final class FourierShift {
    private FourierShift() {
    }

    /** Shifts the h*w image at {@code src[srcOff]} into {@code dst[dstOff]}. */
    public static void shift(float[] src, int srcOff, int h, int w, double sx, double sy, float[] dst, int dstOff) {
        Fourier fft = new Fourier(h, w);
        double[] a = new double[2 * h * w];
        for (int i = 0; i < h * w; i++) {
            a[2 * i] = src[srcOff + i];
        }
        fft.forward(a);
        applyRamp(a, h, w, sx, sy);
        fft.inverse(a);
        for (int i = 0; i < h * w; i++) {
            dst[dstOff + i] = (float) a[2 * i];
        }
    }

    /** Multiplies a spectrum (interleaved complex, h*w) in place by the ramp of a (sx, sy) translation. */
    public static void applyRamp(double[] a, int h, int w, double sx, double sy) {
        double[] cx = new double[w];
        double[] sxs = new double[w];
        for (int kx = 0; kx < w; kx++) {
            if (2 * kx == w) {
                cx[kx] = Math.cos(Math.PI * sx);
                sxs[kx] = 0;
            } else {
                double phase = -2 * Math.PI * (kx <= w / 2 ? kx : kx - w) * sx / w;
                cx[kx] = Math.cos(phase);
                sxs[kx] = Math.sin(phase);
            }
        }
        for (int ky = 0; ky < h; ky++) {
            double cy;
            double sy2;
            if (2 * ky == h) {
                cy = Math.cos(Math.PI * sy);
                sy2 = 0;
            } else {
                double phase = -2 * Math.PI * (ky <= h / 2 ? ky : ky - h) * sy / h;
                cy = Math.cos(phase);
                sy2 = Math.sin(phase);
            }
            for (int kx = 0; kx < w; kx++) {
                double c = cy * cx[kx] - sy2 * sxs[kx];
                double s = cy * sxs[kx] + sy2 * cx[kx];
                int i = 2 * (ky * w + kx);
                double re = a[i];
                double im = a[i + 1];
                a[i] = re * c - im * s;
                a[i + 1] = re * s + im * c;
            }
        }
    }
}
