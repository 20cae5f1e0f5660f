package org.flowscope.methods.numerics.interpolation;


/**
 * Translates an image by a sub-pixel amount: {@code out(x, y) = in(x - sx, y - sy)}, i.e. content moves by
 * {@code (+sx, +sy)} pixels (x = columns, y = rows). Correcting a drift {@code (dx, dy)} is a shift by
 * {@code (-dx, -dy)}. Stateless and thread-safe.
 */
public final class SubPixelShift {
    private SubPixelShift() {
    }

    /** Shifts the h*w image at {@code src[srcOff]} into {@code dst[dstOff]} (which must not overlap it). */
    public static void shift(float[] src, int srcOff, int h, int w, double sx, double sy, Interpolator interpolator,
            Border border, float[] dst, int dstOff) {
        if (!Double.isFinite(sx) || !Double.isFinite(sy)) {
            throw new IllegalArgumentException("shift must be finite, got (" + sx + ", " + sy + ")");
        }
        if (interpolator == Interpolator.FOURIER) {
            FourierShift.shift(src, srcOff, h, w, sx, sy, dst, dstOff);
            return;
        }
        int taps = switch (interpolator) {
            case LANCZOS3 -> 6;
            case CATMULL_ROM -> 4;
            default -> 2;
        };
        int first = -(taps / 2 - 1);
        // out(x) samples in(x - s): base index floor(-s) + x, fraction f of the same for every x.
        double[] wx = new double[taps];
        int bx = weights(-sx, interpolator, wx);
        double[] wy = new double[taps];
        int by = weights(-sy, interpolator, wy);
        float[] tmp = new float[h * w];
        for (int y = 0; y < h; y++) {
            int row = srcOff + y * w;
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = 0; t < taps; t++) {
                    int xi = x + bx + first + t;
                    if (xi < 0 || xi >= w) {
                        if (border == Border.ZERO) {
                            continue;
                        }
                        xi = xi < 0 ? 0 : w - 1;
                    }
                    acc += wx[t] * src[row + xi];
                }
                tmp[y * w + x] = (float) acc;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double acc = 0;
                for (int t = 0; t < taps; t++) {
                    int yi = y + by + first + t;
                    if (yi < 0 || yi >= h) {
                        if (border == Border.ZERO) {
                            continue;
                        }
                        yi = yi < 0 ? 0 : h - 1;
                    }
                    acc += wy[t] * tmp[yi * w + x];
                }
                dst[dstOff + y * w + x] = (float) acc;
            }
        }
    }

    /** Fills the tap weights for sampling at offset {@code p} from each output pixel; returns floor(p). */
    private static int weights(double p, Interpolator interpolator, double[] out) {
        int base = (int) Math.floor(p);
        double f = p - base;
        if (interpolator == Interpolator.LANCZOS3) {
            double sum = 0;
            for (int t = 0; t < 6; t++) {
                out[t] = lanczos3(f - (t - 2));
                sum += out[t];
            }
            for (int t = 0; t < 6; t++) {
                out[t] /= sum;
            }
        } else if (interpolator == Interpolator.CATMULL_ROM) {
            out[0] = catmullRom(1 + f);
            out[1] = catmullRom(f);
            out[2] = catmullRom(1 - f);
            out[3] = catmullRom(2 - f);
        } else {
            out[0] = 1 - f;
            out[1] = f;
        }
        return base;
    }

    /** The interpolation kernel's weight at distance {@code t} pixels (Lanczos-3 unnormalised). */
    public static double kernel(Interpolator ip, double t) {
        return switch (ip) {
            case LANCZOS3 -> lanczos3(t);
            case CATMULL_ROM -> catmullRom(t);
            case LINEAR -> Math.max(0, 1 - Math.abs(t));
            case FOURIER -> throw new IllegalArgumentException("FOURIER has no spatial kernel");
        };
    }

    /** Lanczos kernel with a = 3: sinc(t) sinc(t/3) for |t| < 3. */
    static double lanczos3(double t) {
        double a = Math.abs(t);
        if (a < 1e-12) {
            return 1;
        }
        if (a >= 3) {
            return 0;
        }
        double pt = Math.PI * t;
        return 3 * Math.sin(pt) * Math.sin(pt / 3) / (pt * pt);
    }

    /** Catmull-Rom kernel (Keys' cubic convolution with a = -0.5). */
    static double catmullRom(double t) {
        double a = Math.abs(t);
        if (a <= 1) {
            return (1.5 * a - 2.5) * a * a + 1;
        }
        if (a < 2) {
            return ((-0.5 * a + 2.5) * a - 4) * a + 2;
        }
        return 0;
    }
}
