package org.flowscope.engine.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Run time as an affine function of the cost feature, {@code t = a + b·cost} with {@code a, b >= 0}: {@code a} is
 * the fixed overhead (launch, transfer set-up), {@code b} the time per unit of cost. Fitted by weighted least
 * squares on relative residuals (a 10 ms error matters at 20 ms, not at 20 s) with Huber re-weighting, so one
 * outlying shape does not bend the line. With one measured shape, or when no line with {@code b > 0} fits, the
 * nearest shape (in log cost) is scaled by the cost ratio instead.
 */
final class CostFit {
    /** One measured shape: its cost, its typical time and how many samples back it. */
    record Point(double cost, double seconds, int samples) {
    }

    private static final double HUBER = 1.345;
    private final double a;
    private final double b;
    private final List<Point> points;
    private final boolean regression;

    private CostFit(double a, double b, List<Point> points, boolean regression) {
        this.a = a;
        this.b = b;
        this.points = points;
        this.regression = regression;
    }

    /** Null when {@code points} is empty. */
    static CostFit of(List<Point> points) {
        List<Point> usable = new ArrayList<>();
        for (Point p : points) {
            if (p.cost() > 0 && p.seconds() > 0 && Double.isFinite(p.seconds())) {
                usable.add(p);
            }
        }
        if (usable.isEmpty()) {
            return null;
        }
        if (usable.stream().mapToDouble(Point::cost).distinct().count() < 2) {
            return new CostFit(0, 0, usable, false);
        }
        double[] w = new double[usable.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.sqrt(usable.get(i).samples());
        }
        double[] ab = solve(usable, w, true);
        for (int iter = 0; iter < 5 && ab != null; iter++) {
            double[] r = new double[usable.size()];
            for (int i = 0; i < r.length; i++) {
                Point p = usable.get(i);
                r[i] = Math.abs(p.seconds() - ab[0] - ab[1] * p.cost()) / p.seconds();
            }
            double[] sorted = r.clone();
            Arrays.sort(sorted);
            double scale = 1.4826 * sorted[sorted.length / 2];
            if (scale <= 1e-12) {
                break;
            }
            for (int i = 0; i < w.length; i++) {
                double huber = r[i] <= HUBER * scale ? 1 : HUBER * scale / r[i];
                w[i] = Math.sqrt(usable.get(i).samples()) * huber;
            }
            ab = solve(usable, w, true);
        }
        if (ab == null || !(ab[1] > 0)) {
            return new CostFit(0, 0, usable, false);
        }
        return new CostFit(ab[0], ab[1], List.copyOf(usable), true);
    }

    /** Weighted least squares of relative residuals; intercept clamped to 0 when negative. Null when degenerate. */
    private static double[] solve(List<Point> pts, double[] w, boolean intercept) {
        double s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0;
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            double u = w[i] / (p.seconds() * p.seconds());
            s00 += u;
            s01 += u * p.cost();
            s11 += u * p.cost() * p.cost();
            r0 += u * p.seconds();
            r1 += u * p.seconds() * p.cost();
        }
        if (intercept) {
            double det = s00 * s11 - s01 * s01;
            if (Math.abs(det) > 1e-300) {
                double a = (r0 * s11 - r1 * s01) / det;
                double b = (s00 * r1 - s01 * r0) / det;
                if (a >= 0) {
                    return new double[] {a, b};
                }
            }
        }
        return s11 > 0 ? new double[] {0, r1 / s11} : null;
    }

    boolean isRegression() {
        return regression;
    }

    double predict(double cost) {
        if (regression) {
            return a + b * cost;
        }
        Point nearest = null;
        double best = Double.POSITIVE_INFINITY;
        for (Point p : points) {
            double d = Math.abs(Math.log(p.cost() / cost));
            if (d < best) {
                best = d;
                nearest = p;
            }
        }
        return nearest.seconds() * cost / nearest.cost();
    }

    @Override
    public String toString() {
        return regression ? String.format("t = %.3g s + %.3g s/cost", a, b) : "nearest of " + points.size() + " shapes";
    }
}
