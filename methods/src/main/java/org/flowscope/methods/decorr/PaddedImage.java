package org.flowscope.methods.decorr;

import org.flowscope.core.image.ImageStack;

/**
 * The image a decorrelation analysis transforms (spec &sect;11.1), produced row by row so that it never exists as a
 * whole: cosine edge apodisation over {@value #APODISATION_PX} px towards the mean of the pixels outside the inscribed
 * circle (radius {@code w/2 - 20}), then padding to the next power-of-two square with the value of apodised pixel
 * (0, 0) (which is that mean), centred horizontally and top-aligned as NanoPyx does. [decision] The top alignment is
 * kept: the curves only use spectral magnitudes, which do not change when the image moves inside a constant frame.
 * Arithmetic is float32, as NumPy's on a float32 image.
 */
final class PaddedImage {
    static final int APODISATION_PX = 20;

    private final float[] img;
    private final int h;
    private final int w;
    private final int n;
    private final float edgeMean;
    private final int ox;

    PaddedImage(ImageStack image) {
        this.img = image.data();
        this.h = image.height();
        this.w = image.width();
        this.n = side(h, w);
        this.edgeMean = (float) edgeMean(img, h, w);
        this.ox = (n - w) / 2;
    }

    /** The padded side: the smallest power of two &gt;= max(h, w). */
    static int side(int h, int w) {
        int side = Math.max(h, w);
        return Integer.highestOneBit(side) == side ? side : Integer.highestOneBit(side) << 1;
    }

    int n() {
        return n;
    }

    float edgeMean() {
        return edgeMean;
    }

    /** The mean of the pixels outside the inscribed circle, accumulated in double in row-major order. */
    static double edgeMean(float[] img, int h, int w) {
        int cy = h / 2;
        int cx = w / 2;
        long r = cx - APODISATION_PX;
        double sum = 0;
        long count = 0;
        for (int y = 0; y < h; y++) {
            long dy = y - cy;
            for (int x = 0; x < w; x++) {
                long dx = x - cx;
                if (dy * dy + dx * dx > r * r) {
                    sum += img[y * w + x];
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    /** Writes padded row {@code y} (n values) into {@code out}. */
    void row(int y, double[] out) {
        if (y >= h) {
            java.util.Arrays.fill(out, 0, n, edgeMean);
            return;
        }
        java.util.Arrays.fill(out, 0, ox, edgeMean);
        java.util.Arrays.fill(out, ox + w, n, edgeMean);
        int cy = h / 2;
        int cx = w / 2;
        int ey = Math.abs(Math.abs(y - cy) - cy);
        for (int x = 0; x < w; x++) {
            float v = img[y * w + x];
            int ex = Math.abs(Math.abs(x - cx) - cx);
            if (ex <= APODISATION_PX || ey <= APODISATION_PX) {
                int delta = Math.min(ex, ey);
                float c = (float) ((Math.cos(delta * Math.PI / APODISATION_PX - Math.PI) + 1) / 2);
                v = c * (v - edgeMean) + edgeMean;
            }
            out[ox + x] = v;
        }
    }
}
