package org.flowscope.methods.magnify;

/**
 * The four interpolation kernels of NanoPyx's Magnify (methods spec §1.1), evaluated on one float32 image.
 *
 * <p>Coordinates are continuous, in input pixels. Except for {@link #NEAREST}, element {@code k} is the sample at
 * {@code k + 0.5}; a query outside {@code [0, rows) x [0, cols)} returns 0, and taps that fall outside the image are
 * skipped (they are not replaced by edge values). Accumulation is in double, the result is rounded to float, as in
 * NanoPyx's C kernels.
 */
public enum Interpolator {
    /** Truncating nearest neighbour: {@code I[trunc(y), trunc(x)]}; no half-pixel convention. */
    NEAREST {
        @Override
        public float at(float[] img, int offset, int rows, int cols, float y, float x) {
            int r = (int) y;
            int c = (int) x;
            if (r < 0 || r >= rows || c < 0 || c >= cols || y <= -1 || x <= -1) {
                return 0f;
            }
            return img[offset + r * cols + c];
        }
    },
    /** Keys cubic convolution (a = -0.5) on 4x4 taps, normalised by the sum of the weights of the taps used. */
    BICUBIC {
        @Override
        public float at(float[] img, int offset, int rows, int cols, float y, float x) {
            if (outside(rows, cols, y, x)) {
                return 0f;
            }
            int r0 = (int) Math.floor((float) (y - 0.5));
            int c0 = (int) Math.floor((float) (x - 0.5));
            double dr = y - (r0 + 0.5);
            double dc = x - (c0 + 0.5);
            double[] a = keys(dc);
            double[] b = keys(dr);
            double v = 0;
            double wsum = 0;
            for (int j = 0; j < 4; j++) {
                int c = c0 - 1 + j;
                if (c < 0 || c >= cols) {
                    continue;
                }
                for (int i = 0; i < 4; i++) {
                    int r = r0 - 1 + i;
                    if (r < 0 || r >= rows) {
                        continue;
                    }
                    double w = b[i] * a[j];
                    v += img[offset + r * cols + c] * w;
                    wsum += w;
                }
            }
            return (float) (v / wsum);
        }
    },
    /** Catmull-Rom cubic on 4x4 taps, not normalised (edges attenuate); NanoPyx's eSRRF interpolator. */
    CATMULL_ROM {
        @Override
        public float at(float[] img, int offset, int rows, int cols, float y, float x) {
            if (outside(rows, cols, y, x)) {
                return 0f;
            }
            int r0 = (int) Math.floor(y - 0.5);
            int c0 = (int) Math.floor(x - 0.5);
            double q = 0;
            for (int j = 0; j < 4; j++) {
                int c = c0 - 1 + j;
                if (c < 0 || c >= cols) {
                    continue;
                }
                double p = 0;
                for (int i = 0; i < 4; i++) {
                    int r = r0 - 1 + i;
                    if (r < 0 || r >= rows) {
                        continue;
                    }
                    p += img[offset + r * cols + c] * catmullRom(y - (r + 0.5));
                }
                q += p * catmullRom(x - (c + 0.5));
            }
            return (float) q;
        }
    },
    /** Lanczos (a = 4) on 5x5 taps around the base neighbour, normalised by the sum of the weights used. */
    LANCZOS {
        @Override
        public float at(float[] img, int offset, int rows, int cols, float y, float x) {
            if (outside(rows, cols, y, x)) {
                return 0f;
            }
            int r0 = (int) Math.floor(y - 0.5);
            int c0 = (int) Math.floor(x - 0.5);
            double v = 0;
            double wsum = 0;
            for (int r = r0 - 2; r <= r0 + 2; r++) {
                if (r < 0 || r >= rows) {
                    continue;
                }
                double wr = lanczos(y - (r + 0.5));
                for (int c = c0 - 2; c <= c0 + 2; c++) {
                    if (c < 0 || c >= cols) {
                        continue;
                    }
                    double w = wr * lanczos(x - (c + 0.5));
                    v += img[offset + r * cols + c] * w;
                    wsum += w;
                }
            }
            return (float) (v / wsum);
        }
    };

    private static final int LANCZOS_A = 4;

    /**
     * The interpolated value of the image stored at {@code img[offset ..]} ({@code rows x cols}, row-major) at
     * continuous position ({@code y}, {@code x}).
     */
    public abstract float at(float[] img, int offset, int rows, int cols, float y, float x);

    /** The Catmull-Rom cubic {@code K(v)} (Keys, a = -0.5): support (-2, 2), K(0) = 1, K(+-1) = 0. */
    public static double catmullRom(double v) {
        double a = Math.abs(v);
        if (a < 1) {
            return a * a * (1.5 * a - 2.5) + 1;
        }
        if (a < 2) {
            return ((-0.5 * a + 2.5) * a - 4) * a + 2;
        }
        return 0;
    }

    private static boolean outside(int rows, int cols, float y, float x) {
        return y < 0 || y >= rows || x < 0 || x >= cols;
    }

    private static double[] keys(double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        return new double[] {
            -0.5 * t3 + t2 - 0.5 * t,
            1.5 * t3 - 2.5 * t2 + 1,
            -1.5 * t3 + 2 * t2 + 0.5 * t,
            0.5 * t3 - 0.5 * t2
        };
    }

    private static double lanczos(double v) {
        if (v == 0) {
            return 1.0;
        }
        if (Math.abs(v) >= LANCZOS_A) {
            return 0.0;
        }
        double p = Math.PI * v;
        return LANCZOS_A * Math.sin(p) * Math.sin(p / LANCZOS_A) / (p * p);
    }
}
