package org.flowscope.methods.numerics.interpolation;

import org.flowscope.core.image.ImageStack;

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
        return magnify(in, m, FourierPlanes.CPU);
    }

    /** {@link #magnify(ImageStack, int)} with the spectral core of {@code planes} (e.g. on a GPU). */
    public static ImageStack magnify(ImageStack in, int m, FourierPlanes planes) {
        if (m < 1) {
            throw new IllegalArgumentException("magnification must be >= 1, got " + m);
        }
        int h = in.height();
        int w = in.width();
        float[] out = new float[in.frames() * h * m * w * m];
        for (int f = 0; f < in.frames(); f++) {
            float[] frame = java.util.Arrays.copyOfRange(in.data(), in.offset(f), in.offset(f) + h * w);
            float[] r = h > TILE || w > TILE ? tiled(frame, h, w, m, (tile, th, tw) -> frame(tile, th, tw, m, planes))
                    : frame(frame, h, w, m, planes);
            System.arraycopy(r, 0, out, f * h * m * w * m, r.length);
        }
        return new ImageStack(in.frames(), h * m, w * m, out);
    }

    /** One frame, mirror padded, {@code (h m) x (w m)}. */
    static float[] frame(float[] img, int h, int w, int m) {
        return frame(img, h, w, m, FourierPlanes.CPU);
    }

    /** One frame with the spectral core of {@code planes}: mirror padding, plane, rescale, crop. */
    static float[] frame(float[] img, int h, int w, int m, FourierPlanes planes) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : img) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int p = MirrorPadding.side(h, w);
        int hi = p * m;
        int wi = p * m;
        float[] out = planes.nanopyx(MirrorPadding.pad(img, h, w, p), p, m);
        float outMin = Float.POSITIVE_INFINITY;
        float outMax = Float.NEGATIVE_INFINITY;
        for (float v : out) {
            outMin = Math.min(outMin, v);
            outMax = Math.max(outMax, v);
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
        return magnifyCentred(in, m, shiftRow, shiftCol, FourierPlanes.CPU);
    }

    /** {@link #magnifyCentred(ImageStack, int, double, double)} with the spectral core of {@code planes}. */
    public static ImageStack magnifyCentred(ImageStack in, int m, double shiftRow, double shiftCol, FourierPlanes planes) {
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
                    ? tiled(frame, h, w, m, (tile, th, tw) -> centredFrame(tile, th, tw, m, shiftRow, shiftCol, planes))
                    : centredFrame(frame, h, w, m, shiftRow, shiftCol, planes);
            System.arraycopy(r, 0, out, f * h * m * w * m, r.length);
        }
        return new ImageStack(in.frames(), h * m, w * m, out);
    }

    /** One frame of {@link #magnifyCentred}, mirror padded, {@code (h m) x (w m)}. */
    static float[] centredFrame(float[] img, int h, int w, int m, double shiftRow, double shiftCol, FourierPlanes planes) {
        int p = MirrorPadding.side(h, w);
        if (p == 1) {
            // a single pixel: the band-limited interpolant is the constant
            float[] out = new float[m * m];
            java.util.Arrays.fill(out, img[0]);
            return out;
        }
        int big = p * m;
        int oy = (big - m * h) / 2;
        int ox = (big - m * w) / 2;
        // zero padding makes big-grid sample N the padded index N / m; a phase ramp moving the content by s makes it
        // N / m - s. Output row i is big-grid row oy + i and must sample image index (i + 0.5)/m - 0.5 - shiftRow, i.e.
        // padded index that + the image's offset in the padding
        double sy = (oy - 0.5) / m + 0.5 + shiftRow - MirrorPadding.offset(h, p);
        double sx = (ox - 0.5) / m + 0.5 + shiftCol - MirrorPadding.offset(w, p);
        float[] plane = planes.centred(MirrorPadding.pad(img, h, w, p), p, m, new FourierPlanes.Placement(p, big, sy),
                new FourierPlanes.Placement(p, big, sx), (double) m * m);
        float[] out = new float[h * m * w * m];
        for (int y = 0; y < h * m; y++) {
            System.arraycopy(plane, (oy + y) * big + ox, out, y * w * m, w * m);
        }
        return out;
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
