package org.flowscope.methods.quality;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Savitzky&ndash;Golay smoothing in SciPy's {@code savgol_filter(x, window, order, mode="interp")} form: interior points
 * get the least-squares polynomial of the window evaluated at the window's centre (for an even window the centre
 * is half-way between the two middle samples, window {@code [i - w/2 + 1, i + w/2]}); the first and last
 * {@code w div 2} points take the polynomial fitted to the first / last {@code w} samples.
 */
public final class SavitzkyGolay {
    private SavitzkyGolay() {
    }

    /** Smooths {@code x}; requires {@code order < window <= x.length}. */
    public static double[] smooth(double[] x, int window, int order) {
        if (order < 0 || window <= order) {
            throw new IllegalArgumentException("Savitzky-Golay needs 0 <= order < window, got order=" + order + " window=" + window);
        }
        int n = x.length;
        if (window > n) {
            throw new IllegalArgumentException("Savitzky-Golay window " + window + " is longer than the signal (" + n + ")");
        }
        int half = window / 2;
        double pos = window % 2 == 0 ? half - 0.5 : half;
        double[] h = evaluationWeights(window, order, pos);
        // sample m of the window sits at offset m - floor(pos) from the output index (SciPy's convolve1d origin)
        int lead = (int) Math.floor(pos);
        double[] y = new double[n];
        for (int i = half; i < n - half; i++) {
            double acc = 0;
            for (int m = 0; m < window; m++) {
                acc += h[m] * x[i + m - lead];
            }
            y[i] = acc;
        }
        fitEdge(x, 0, window, 0, half, order, y);
        fitEdge(x, n - window, n, n - half, n, order, y);
        return y;
    }

    /** Weights giving the value at {@code pos} of the least-squares polynomial through samples at 0..window-1. */
    private static double[] evaluationWeights(int window, int order, double pos) {
        double[][] a = new double[window][order + 1];
        for (int m = 0; m < window; m++) {
            double t = m - pos;
            double p = 1;
            for (int k = 0; k <= order; k++) {
                a[m][k] = p;
                p *= t;
            }
        }
        double[] h = new double[window];
        RealMatrix v = new Array2DRowRealMatrix(a, false);
        var solver = new QRDecomposition(v).getSolver();
        // h_m = value at t = 0 of the fit to the unit vector e_m, i.e. the constant coefficient
        for (int m = 0; m < window; m++) {
            double[] e = new double[window];
            e[m] = 1;
            h[m] = solver.solve(new org.apache.commons.math3.linear.ArrayRealVector(e, false)).getEntry(0);
        }
        return h;
    }

    private static void fitEdge(double[] x, int start, int stop, int from, int to, int order, double[] y) {
        int w = stop - start;
        double[][] a = new double[w][order + 1];
        double[] b = new double[w];
        for (int m = 0; m < w; m++) {
            double p = 1;
            for (int k = 0; k <= order; k++) {
                a[m][k] = p;
                p *= m;
            }
            b[m] = x[start + m];
        }
        var coef = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                .solve(new org.apache.commons.math3.linear.ArrayRealVector(b, false));
        for (int i = from; i < to; i++) {
            double t = i - start;
            double v = 0;
            for (int k = order; k >= 0; k--) {
                v = v * t + coef.getEntry(k);
            }
            y[i] = v;
        }
    }
}
