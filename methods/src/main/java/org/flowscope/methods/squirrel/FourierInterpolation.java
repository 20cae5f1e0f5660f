package org.flowscope.methods.squirrel;

import org.flowscope.methods.quality.Fourier;

/**
 * Fourier (zero-padding) magnification of one image as NanoPyx's Cython {@code fht_space_interpolation} computes it
 * for the SQUIRREL error map (methods spec &sect;1.5):
 * <ol>
 *   <li>mirror padding to a {@code P x P} square, {@code P = max(nextpow2(H), nextpow2(W))}: an odd number of tiles
 *       per axis, tiles alternately flipped so that the centre tile is the image, centre {@code P x P} crop;</li>
 *   <li>{@code fftshift(FFT2)}, placed centred in a zero {@code PM x PM} spectrum, inverse FFT, real part;</li>
 *   <li>linear rescale to the input's [min, max] (when not constant), then the centred {@code MH x MW} crop.</li>
 * </ol>
 * Complex arithmetic in double; the output and its rescale in float32.
 *
 * <p>This is deliberately not {@link org.flowscope.methods.magnify.FourierInterpolation}, eSRRF's port of NanoPyx's NumPy
 * version: that one zero-pads the half spectrum of a real FFT and tiles frames above 256 px, so it handles the Nyquist
 * row and large images differently, and the SQUIRREL reference was produced with this full-frame version.
 */
final class FourierInterpolation {
    private FourierInterpolation() {
    }

    static float[] magnify(float[] img, int h, int w, int m) {
        float min0 = Float.POSITIVE_INFINITY;
        float max0 = Float.NEGATIVE_INFINITY;
        for (float v : img) {
            min0 = Math.min(min0, v);
            max0 = Math.max(max0, v);
        }
        int p = Math.max(nextPow2(h), nextPow2(w));
        double[] padded = mirrorPad(img, h, w, p);
        double[] spec = Fourier.shift(Fourier.forward(padded, p, p), p, p);
        int pm = p * m;
        double[] big = new double[2 * pm * pm];
        int off = (pm - p) / 2;
        for (int y = 0; y < p; y++) {
            System.arraycopy(spec, 2 * y * p, big, 2 * ((y + off) * pm + off), 2 * p);
        }
        big = Fourier.unshift(big, pm, pm);
        Fourier.inverse(big, pm, pm);
        float[] out = new float[pm * pm];
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) big[2 * i];
            lo = Math.min(lo, out[i]);
            hi = Math.max(hi, out[i]);
        }
        int oy = (pm - m * h) / 2;
        int ox = (pm - m * w) / 2;
        float[] crop = new float[m * h * m * w];
        for (int y = 0; y < m * h; y++) {
            for (int x = 0; x < m * w; x++) {
                float v = out[(y + oy) * pm + x + ox];
                if (hi != lo) {
                    v = (v - lo) / (hi - lo) * (max0 - min0) + min0;
                }
                crop[y * m * w + x] = v;
            }
        }
        return crop;
    }

    static int nextPow2(int n) {
        int p = Integer.highestOneBit(n);
        return p == n ? n : p << 1;
    }

    /** The centred {@code p x p} window of a mosaic of alternately mirrored copies with the image in the middle. */
    static double[] mirrorPad(float[] img, int h, int w, int p) {
        int sw = oddAtLeast((p + w - 1) / w);
        int sh = oddAtLeast((p + h - 1) / h);
        int oy = (sh * h - p) / 2;
        int ox = (sw * w - p) / 2;
        int cy = (sh - 1) / 2;
        int cx = (sw - 1) / 2;
        double[] out = new double[p * p];
        for (int y = 0; y < p; y++) {
            int my = y + oy;
            int a = my / h;
            int ty = my % h;
            if (Math.floorMod(a - cy, 2) == 1) {
                ty = h - 1 - ty;
            }
            for (int x = 0; x < p; x++) {
                int mx = x + ox;
                int b = mx / w;
                int tx = mx % w;
                if (Math.floorMod(b - cx, 2) == 1) {
                    tx = w - 1 - tx;
                }
                out[y * p + x] = img[ty * w + tx];
            }
        }
        return out;
    }

    private static int oddAtLeast(int n) {
        return n % 2 == 0 ? n + 1 : n;
    }
}
