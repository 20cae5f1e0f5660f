package org.flowscope.methods.registration;

import org.flowscope.methods.numerics.interpolation.SubPixelShift;
import org.flowscope.methods.numerics.interpolation.Interpolator;


/**
 * Samples an image at a per-pixel displacement: {@code out(x, y) = in(x + vx(x, y), y + vy(x, y))} with a
 * separable kernel whose weights are recomputed per pixel; outside the image counts as zero.
 */
final class Resampler {
    private Resampler() {
    }

    static void warp(float[] src, int srcOff, int h, int w, float[] vx, float[] vy, Interpolator ip, float[] dst, int dstOff) {
        int taps = switch (ip) {
            case LANCZOS3 -> 6;
            case CATMULL_ROM -> 4;
            case LINEAR -> 2;
            case FOURIER -> throw new IllegalArgumentException("FOURIER cannot sample a non-uniform field");
        };
        double[] wx = new double[taps];
        double[] wy = new double[taps];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double px = x + vx[i];
                double py = y + vy[i];
                int bx = (int) Math.floor(px);
                int by = (int) Math.floor(py);
                weights(px - bx, ip, wx);
                weights(py - by, ip, wy);
                int first = -(taps / 2 - 1);
                double acc = 0;
                for (int j = 0; j < taps; j++) {
                    int yi = by + first + j;
                    if (yi < 0 || yi >= h) {
                        continue;
                    }
                    double rowAcc = 0;
                    for (int k = 0; k < taps; k++) {
                        int xi = bx + first + k;
                        if (xi >= 0 && xi < w) {
                            rowAcc += wx[k] * src[srcOff + yi * w + xi];
                        }
                    }
                    acc += wy[j] * rowAcc;
                }
                dst[dstOff + i] = (float) acc;
            }
        }
    }

    private static void weights(double f, Interpolator ip, double[] out) {
        int taps = out.length;
        int first = -(taps / 2 - 1);
        double sum = 0;
        for (int t = 0; t < taps; t++) {
            double d = f - (first + t);
            out[t] = SubPixelShift.kernel(ip, d);
            sum += out[t];
        }
        if (ip == Interpolator.LANCZOS3) {
            for (int t = 0; t < taps; t++) {
                out[t] /= sum;
            }
        }
    }
}
