package org.flowscope.methods.numerics.interpolation;

import org.flowscope.methods.numerics.fft.Fourier;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The spectral core of {@link FourierInterpolation}: from a mirror-padded {@code p x p} tile (row-major, double) to the
 * real {@code (p m) x (p m)} plane of its zero-padded spectrum transformed back, as float32. Padding, rescale, crop
 * and tiling stay in {@link FourierInterpolation}, so a GPU core only has to compute these planes. {@link #CPU} is the
 * reference (JTransforms, double precision).
 */
public interface FourierPlanes {
    /** The double-precision CPU core. */
    FourierPlanes CPU = new Cpu();

    /**
     * NanoPyx's plane (spec &sect;1.5, NumPy version): forward FFT, the half spectrum placed with rows
     * {@code 0..ceil(p/2)-1} at the top and the rest at the bottom, {@code irfft2} to {@code (p m)^2} (no factor).
     */
    float[] nanopyx(double[] padded, int p, int m);

    /**
     * The centred plane: forward FFT, every bin placed on the {@code p m} grid as {@code rows} and {@code cols} say
     * (with their phase factors), inverse FFT, real part times {@code gain}.
     */
    float[] centred(double[] padded, int p, int m, Placement rows, Placement cols, double gain);

    /**
     * Where frequency bin {@code k} of a side-{@code p} spectrum goes on the side-{@code big} grid, with the factor of a
     * translation by {@code s} samples: bin k is the signed frequency {@code k} or {@code k - p}; the Nyquist bin of an
     * even side goes half to {@code +p/2} and half to {@code -p/2}, each with its own phase. Entry {@code (k, a)} of
     * the arrays is at {@code 2 k + a}.
     */
    final class Placement {
        private final int[] count;
        private final int[] target;
        private final double[] re;
        private final double[] im;

        public Placement(int p, int big, double s) {
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

        /** How many targets bin {@code k} has (1, or 2 for the Nyquist bin of an even side). */
        public int targets(int k) {
            return count[k];
        }

        public int target(int k, int a) {
            return target[2 * k + a];
        }

        public double re(int k, int a) {
            return re[2 * k + a];
        }

        public double im(int k, int a) {
            return im[2 * k + a];
        }

        /** The target counts, one per bin (copy). */
        public int[] counts() {
            return count.clone();
        }

        /** The targets, entry (k, a) at 2 k + a (copy). */
        public int[] targets() {
            return target.clone();
        }

        /** The factors as interleaved (re, im) pairs, entry (k, a) at 2 (2 k + a) (copy). */
        public double[] factors() {
            double[] f = new double[2 * re.length];
            for (int i = 0; i < re.length; i++) {
                f[2 * i] = re[i];
                f[2 * i + 1] = im[i];
            }
            return f;
        }
    }

    /** The reference core: JTransforms in double precision, NumPy's orders of operations. */
    final class Cpu implements FourierPlanes {
        private Cpu() {
        }

        @Override
        public float[] nanopyx(double[] padded, int p, int m) {
            double[] work = Fourier.forward(padded, p, p);
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
                    out[r * wi + x] = (float) row[2 * x];
                }
            }
            return out;
        }

        @Override
        public float[] centred(double[] padded, int p, int m, Placement rows, Placement cols, double gain) {
            double[] spectrum = Fourier.forward(padded, p, p);
            int big = p * m;
            double[] grid = new double[2 * big * big];
            for (int ky = 0; ky < p; ky++) {
                for (int a = 0; a < rows.targets(ky); a++) {
                    int ty = rows.target(ky, a);
                    double ry = rows.re(ky, a);
                    double iy = rows.im(ky, a);
                    for (int kx = 0; kx < p; kx++) {
                        double re0 = spectrum[2 * (ky * p + kx)];
                        double im0 = spectrum[2 * (ky * p + kx) + 1];
                        // times the row factor, then each column factor
                        double re1 = re0 * ry - im0 * iy;
                        double im1 = re0 * iy + im0 * ry;
                        for (int b = 0; b < cols.targets(kx); b++) {
                            double rx = cols.re(kx, b);
                            double ix = cols.im(kx, b);
                            int t = 2 * (ty * big + cols.target(kx, b));
                            grid[t] += re1 * rx - im1 * ix;
                            grid[t + 1] += re1 * ix + im1 * rx;
                        }
                    }
                }
            }
            Fourier.inverse(grid, big, big);
            float[] out = new float[big * big];
            for (int i = 0; i < out.length; i++) {
                out[i] = (float) (grid[2 * i] * gain);
            }
            return out;
        }
    }
}
