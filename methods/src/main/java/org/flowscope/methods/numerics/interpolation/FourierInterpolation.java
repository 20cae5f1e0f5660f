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
        return tiled(img, h, w, m, (tile, th, tw) -> frame(tile, th, tw, m));
    }

    /** How one tile is magnified. */
    private interface TileMagnifier {
        float[] magnify(float[] tile, int h, int w);
    }

    /**
     * Every frame of {@code in} magnified by {@code m} in the centred geometry, the input shifted by
     * ({@code shiftRow}, {@code shiftCol}) input pixels: output pixel {@code i} is the band-limited (trigonometric)
     * interpolant of the mirror-padded frame at input coordinate {@code (i + 0.5)/m - shift}, pixel {@code k} being the
     * sample at {@code k + 0.5} (so m = 1 without shift is the identity). Unlike {@link #magnify(ImageStack, int)}
     * (NanoPyx's): the sampling is at output pixel centres, the Nyquist terms of even sides are split evenly between
     * the positive and negative frequency (the interpolant is then real between samples too), and the amplitude is
     * kept by the exact factor m&sup2; instead of a rescale to the input's [min, max]. Frames larger than 256 px are
     * tiled and blended as there.
     */
    public static ImageStack magnifyCentred(ImageStack in, int m, double shiftRow, double shiftCol) {
        if (m < 1) {
            throw new IllegalArgumentException("magnification must be >= 1, got " + m);
        }
        if (!Double.isFinite(shiftRow) || !Double.isFinite(shiftCol)) {
            throw new IllegalArgumentException("shift must be finite, got (" + shiftRow + ", " + shiftCol + ")");
        }
        int h = in.height();
        int w = in.width();
        float[] out = new float[in.frames() * h * m * w * m];
        for (int f = 0; f < in.frames(); f++) {
            float[] frame = java.util.Arrays.copyOfRange(in.data(), in.offset(f), in.offset(f) + h * w);
            float[] r = h > TILE || w > TILE
                    ? tiled(frame, h, w, m, (tile, th, tw) -> centredFrame(tile, th, tw, m, shiftRow, shiftCol))
                    : centredFrame(frame, h, w, m, shiftRow, shiftCol);
            System.arraycopy(r, 0, out, f * h * m * w * m, r.length);
        }
        return new ImageStack(in.frames(), h * m, w * m, out);
    }

    /** One frame of {@link #magnifyCentred}, mirror padded, {@code (h m) x (w m)}. */
    static float[] centredFrame(float[] img, int h, int w, int m, double shiftRow, double shiftCol) {
        int p = MirrorPadding.side(h, w);
        if (p == 1) {
            // a single pixel: the band-limited interpolant is the constant
            float[] out = new float[m * m];
            java.util.Arrays.fill(out, img[0]);
            return out;
        }
        double[] spectrum = Fourier.forward(MirrorPadding.pad(img, h, w, p), p, p);
        int big = p * m;
        int oy = (big - m * h) / 2;
        int ox = (big - m * w) / 2;
        // zero padding makes big-grid sample N the padded index N / m; a phase ramp moving the content by s makes it
        // N / m - s. Output row i is big-grid row oy + i and must sample image index (i + 0.5)/m - 0.5 - shiftRow, i.e.
        // padded index that + the image's offset in the padding
        double sy = (oy - 0.5) / m + 0.5 + shiftRow - MirrorPadding.offset(h, p);
        double sx = (ox - 0.5) / m + 0.5 + shiftCol - MirrorPadding.offset(w, p);
        AxisPlacement rows = new AxisPlacement(p, big, sy);
        AxisPlacement cols = new AxisPlacement(p, big, sx);
        double[] padded = new double[2 * big * big];
        for (int ky = 0; ky < p; ky++) {
            for (int a = 0; a < rows.targets(ky); a++) {
                int ty = rows.target(ky, a);
                double ry = rows.re(ky, a);
                double iy = rows.im(ky, a);
                for (int kx = 0; kx < p; kx++) {
                    double re0 = spectrum[2 * (ky * p + kx)];
                    double im0 = spectrum[2 * (ky * p + kx) + 1];
                    // times the row factor
                    double re1 = re0 * ry - im0 * iy;
                    double im1 = re0 * iy + im0 * ry;
                    for (int b = 0; b < cols.targets(kx); b++) {
                        double rx = cols.re(kx, b);
                        double ix = cols.im(kx, b);
                        int t = 2 * (ty * big + cols.target(kx, b));
                        padded[t] += re1 * rx - im1 * ix;
                        padded[t + 1] += re1 * ix + im1 * rx;
                    }
                }
            }
        }
        Fourier.inverse(padded, big, big);
        double gain = (double) m * m;
        float[] out = new float[h * m * w * m];
        for (int y = 0; y < h * m; y++) {
            for (int x = 0; x < w * m; x++) {
                out[y * w * m + x] = (float) (padded[2 * ((oy + y) * big + ox + x)] * gain);
            }
        }
        return out;
    }

    /**
     * Where frequency bin {@code k} of a side-{@code p} spectrum goes on the side-{@code big} grid, with the factor of
     * a translation by {@code s} samples: bin k is the signed frequency {@code k} or {@code k - p}; the Nyquist bin of
     * an even side goes half to {@code +p/2} and half to {@code -p/2}, each with its own phase.
     */
    private static final class AxisPlacement {
        private final int[] count;
        private final int[] target;
        private final double[] re;
        private final double[] im;

        AxisPlacement(int p, int big, double s) {
            count = new int[p];
            target = new int[2 * p];
            re = new double[2 * p];
            im = new double[2 * p];
            for (int k = 0; k < p; k++) {
                boolean nyquist = p % 2 == 0 && 2 * k == p;
                count[k] = nyquist ? 2 : 1;
                for (int a = 0; a < count[k]; a++) {
                    int freq = nyquist ? (a == 0 ? p / 2 : -p / 2) : (2 * k <= p ? k : k - p);
                    double phase = -2 * Math.PI * freq * s / p;
                    double share = nyquist ? 0.5 : 1;
                    target[2 * k + a] = Math.floorMod(freq, big);
                    re[2 * k + a] = Math.cos(phase) * share;
                    im[2 * k + a] = Math.sin(phase) * share;
                }
            }
        }

        int targets(int k) {
            return count[k];
        }

        int target(int k, int a) {
            return target[2 * k + a];
        }

        double re(int k, int a) {
            return re[2 * k + a];
        }

        double im(int k, int a) {
            return im[2 * k + a];
        }
    }

    private static float[] tiled(float[] img, int h, int w, int m, TileMagnifier magnifier) {
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
                float[] t = magnifier.magnify(tile, th, tw);
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
