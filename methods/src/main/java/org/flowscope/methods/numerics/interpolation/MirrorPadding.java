package org.flowscope.methods.numerics.interpolation;

/**
 * NanoPyx's mirror padding before a Fourier interpolation (spec &sect;1.5, step 2), shared by both of its Fourier
 * interpolations (eSRRF's {@link FourierInterpolation} and SQUIRREL's): the image is tiled into a mosaic of an odd
 * number of copies per axis, alternately flipped so that the centre tile is the image itself, and the centred
 * {@code P x P} square is kept, {@code P = max(nextpow2(H), nextpow2(W))}. The periodic continuation of the padded
 * image then has no jump at its edges.
 */
public final class MirrorPadding {
    private MirrorPadding() {
    }

    /** The padded side {@code P} for an {@code h x w} image. */
    public static int side(int h, int w) {
        return Math.max(nextPow2(h), nextPow2(w));
    }

    /** The smallest power of two {@code >= n} (n &gt;= 1). */
    public static int nextPow2(int n) {
        int p = Integer.highestOneBit(n);
        return p == n ? n : p << 1;
    }

    /** The centred {@code p x p} window of the mirrored mosaic of the {@code h x w} image, row-major. */
    public static double[] pad(float[] img, int h, int w, int p) {
        int sw = oddAtLeast((p + w - 1) / w);
        int sh = oddAtLeast((p + h - 1) / h);
        int oy = (sh * h - p) / 2;
        int ox = (sw * w - p) / 2;
        int cy = (sh - 1) / 2;
        int cx = (sw - 1) / 2;
        double[] out = new double[p * p];
        for (int y = 0; y < p; y++) {
            int my = y + oy;
            int ty = my % h;
            if (Math.floorMod(my / h - cy, 2) == 1) {
                ty = h - 1 - ty;
            }
            for (int x = 0; x < p; x++) {
                int mx = x + ox;
                int tx = mx % w;
                if (Math.floorMod(mx / w - cx, 2) == 1) {
                    tx = w - 1 - tx;
                }
                out[y * p + x] = img[ty * w + tx];
            }
        }
        return out;
    }

    /**
     * Where sample 0 of an axis of {@code n} samples sits in the padded axis of {@code p}: sample {@code k} is padded
     * sample {@code k + offset(n, p)} (the centre tile of the mosaic is the image itself, unflipped).
     */
    public static int offset(int n, int p) {
        int tiles = oddAtLeast((p + n - 1) / n);
        return (tiles - 1) / 2 * n - (tiles * n - p) / 2;
    }

    private static int oddAtLeast(int n) {
        return n % 2 == 0 ? n + 1 : n;
    }
}
