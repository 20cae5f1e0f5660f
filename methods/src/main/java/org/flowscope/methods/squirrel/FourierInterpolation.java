package org.flowscope.methods.squirrel;

import org.flowscope.methods.numerics.fft.Fourier;
import org.flowscope.methods.numerics.interpolation.MirrorPadding;

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
 * <p>This is deliberately not {@link org.flowscope.methods.numerics.interpolation.FourierInterpolation}, eSRRF's port of NanoPyx's NumPy
 * version: that one zero-pads the half spectrum of a real FFT and tiles frames above 256 px, so it handles the Nyquist
 * row and large images differently, and the SQUIRREL reference was produced with this full-frame version. Only the
 * mirror padding is the same function in both, and is shared ({@link MirrorPadding}); the rescale to [min, max] stays
 * written out in each because the two round it differently (float32 throughout here, a double-precision scale factor
 * there), each as checked against its own reference.
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
        int p = MirrorPadding.side(h, w);
        double[] padded = MirrorPadding.pad(img, h, w, p);
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
}
