package org.flowscope.methods.drift;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * Per-frame values from values at block centres: a natural cubic spline through the knots (three or more),
 * a straight line (two), a constant (one); outside the first and last centre it continues along the end
 * tangent (linear extrapolation), never a cubic running away. NanoPyx uses SciPy's not-a-knot cubic
 * {@code interp1d}, needs four blocks and places the knots at {@code floor(linspace(1, N, B))}; we place each
 * knot at its block's mean frame index, where the block average actually represents the drift.
 */
final class BlockInterpolation {
    private BlockInterpolation() {
    }

    static double[] evaluate(double[] knots, double[] values, int frames) {
        double[] out = new double[frames];
        int n = knots.length;
        if (n == 1) {
            java.util.Arrays.fill(out, values[0]);
            return out;
        }
        PolynomialSplineFunction f = n >= 3 ? new SplineInterpolator().interpolate(knots, values) : null;
        double slope0 = n >= 3 ? f.derivative().value(knots[0]) : (values[1] - values[0]) / (knots[1] - knots[0]);
        double slope1 = n >= 3 ? f.derivative().value(knots[n - 1]) : slope0;
        for (int t = 0; t < frames; t++) {
            if (t <= knots[0]) {
                out[t] = values[0] + slope0 * (t - knots[0]);
            } else if (t >= knots[n - 1]) {
                out[t] = values[n - 1] + slope1 * (t - knots[n - 1]);
            } else {
                out[t] = f != null ? f.value(t) : values[0] + slope0 * (t - knots[0]);
            }
        }
        return out;
    }
}
