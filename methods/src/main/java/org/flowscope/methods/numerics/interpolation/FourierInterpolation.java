package org.flowscope.methods.numerics.interpolation;

import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.fft.Fourier;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * NanoPyx's Fourier ("FHT") magnification, NumPy version (methods spec §1.5), used by eSRRF with {@code use_fht}:
 * mirror-pad the frame to a power-of-two square, zero-pad its half spectrum (rows {@code 0..ceil(h/2)-1} at the top,
 * the rest at the bottom, every column of the half spectrum kept), inverse real FFT to M times the size, rescale
 * linearly to the input's [min, max], crop the centre. Frames larger than 256 px are done in overlapping 256 px
 * tiles blended with a Hann window. Double precision FFTs, float32 output, as NumPy.
 *
 * <p>Geometry: like the other NanoPyx interpolators it is sampled at integer output coordinates, so the result is
 * displaced by about {@code 0.5 (1 - 1/M)} input pixels.
 */
public final class FourierInterpolation {
    private static final int TILE = 256;
    private static final int OVERLAP = 16;

    private FourierInterpolation() {
    }

    /** Every frame of {@code in} magnified by {@code m}. */
    public static ImageStack magnify(ImageStack in, int m) {
        if (m < 1) {
            throw new IllegalArgumentException("magnification must be >= 1, got " + m);
        }
        int h = in.height();
        int w = in.width();
        float[] out = new float[in.frames() * h * m * w * m];
        for (int f = 0; f < in.frames(); f++) {
            float[] frame = java.util.Arrays.copyOfRange(in.data(), in.offset(f), in.offset(f) + h * w);
            float[] r = h > TILE || w > TILE ? tiled(frame, h, w, m) : frame(frame, h, w, m);
            System.arraycopy(r, 0, out, f * h * m * w * m, r.length);
        }
        return new ImageStack(in.frames(), h * m, w * m, out);
    }

    /** One frame, mirror padded, {@code (h m) x (w m)}. */
    static float[] frame(float[] img, int h, int w, int m) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : img) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int p = MirrorPadding.side(h, w);
        double[] work = Fourier.forward(MirrorPadding.pad(img, h, w, p), p, p);
        int hi = p * m;
        int wi = p * m;
        int half = wi / 2 + 1;
        int cols = p / 2 + 1;
        int h2 = (p + 1) / 2;
        // the zero-padded half spectrum, columns ifft'ed along rows first (NumPy's irfft2 order)
        double[][] re = new double[hi][half];
        double[][] im = new double[hi][half];
        for (int r = 0; r < p; r++) {
            int dst = r < h2 ? r : hi - (p - r);
            for (int c = 0; c < cols; c++) {
                re[dst][c] = work[r * 2 * p + 2 * c];
                im[dst][c] = work[r * 2 * p + 2 * c + 1];
            }
        }
        DoubleFFT_1D colFft = new DoubleFFT_1D(hi);
        double[] col = new double[2 * hi];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < hi; r++) {
                col[2 * r] = re[r][c];
                col[2 * r + 1] = im[r][c];
            }
            colFft.complexInverse(col, true);
            for (int r = 0; r < hi; r++) {
                re[r][c] = col[2 * r];
                im[r][c] = col[2 * r + 1];
            }
        }
        // complex-to-real along rows: Hermitian completion, imaginary parts of the DC and Nyquist bins dropped
        DoubleFFT_1D rowFft = new DoubleFFT_1D(wi);
        double[] row = new double[2 * wi];
        float[] out = new float[hi * wi];
        float outMin = Float.POSITIVE_INFINITY;
        float outMax = Float.NEGATIVE_INFINITY;
        for (int r = 0; r < hi; r++) {
            java.util.Arrays.fill(row, 0);
            for (int k = 0; k < half; k++) {
                double a = re[r][k];
                double b = k == 0 || 2 * k == wi ? 0 : im[r][k];
                row[2 * k] = a;
                row[2 * k + 1] = b;
                if (k > 0 && 2 * k != wi) {
                    row[2 * (wi - k)] = a;
                    row[2 * (wi - k) + 1] = -b;
                }
            }
            rowFft.complexInverse(row, true);
            for (int x = 0; x < wi; x++) {
                float v = (float) row[2 * x];
                out[r * wi + x] = v;
                outMin = Math.min(outMin, v);
                outMax = Math.max(outMax, v);
            }
        }
        if (outMax != outMin) {
            float scale = (float) (((double) max - min) / ((double) outMax - outMin));
            for (int i = 0; i < out.length; i++) {
                out[i] = (out[i] - outMin) * scale + min;
            }
        }
        int ox = (wi - m * w) / 2;
        int oy = (hi - m * h) / 2;
        float[] crop = new float[h * m * w * m];
        for (int y = 0; y < h * m; y++) {
            System.arraycopy(out, (oy + y) * wi + ox, crop, y * w * m, w * m);
        }
        return crop;
    }

    /** Overlapping 256 px tiles, each magnified with its own padding and rescale, blended with a Hann window. */
    static float[] tiled(float[] img, int h, int w, int m) {
        int oh = h * m;
        int ow = w * m;
        float[] out = new float[oh * ow];
        float[] weight = new float[oh * ow];
        int step = Math.max(1, TILE - 2 * OVERLAP);
        for (int r0 : starts(h, step)) {
            int r1 = Math.min(r0 + TILE, h);
            for (int c0 : starts(w, step)) {
                int c1 = Math.min(c0 + TILE, w);
                int th = r1 - r0;
                int tw = c1 - c0;
                float[] tile = new float[th * tw];
                for (int y = 0; y < th; y++) {
                    System.arraycopy(img, (r0 + y) * w + c0, tile, y * tw, tw);
                }
                float[] t = frame(tile, th, tw, m);
                float[] winR = hann(th * m);
                float[] winC = hann(tw * m);
                for (int y = 0; y < th * m; y++) {
                    for (int x = 0; x < tw * m; x++) {
                        float wv = winR[y] * winC[x];
                        int o = (r0 * m + y) * ow + c0 * m + x;
                        out[o] += t[y * tw * m + x] * wv;
                        weight[o] += wv;
                    }
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (weight[i] > 0) {
                out[i] /= weight[i];
            }
        }
        return out;
    }

    private static int[] starts(int dim, int step) {
        java.util.List<Integer> s = new java.util.ArrayList<>();
        for (int v = 0; v < dim; v += step) {
            s.add(v);
        }
        if (!s.isEmpty() && s.get(s.size() - 1) + TILE < dim) {
            s.add(Math.max(0, dim - TILE));
        }
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** NumPy's {@code hanning(n + 2)[1:-1]} as float32. */
    private static float[] hann(int n) {
        float[] w = new float[n];
        int len = n + 2;
        for (int i = 1; i <= n; i++) {
            w[i - 1] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (len - 1)));
        }
        return w;
    }
}
