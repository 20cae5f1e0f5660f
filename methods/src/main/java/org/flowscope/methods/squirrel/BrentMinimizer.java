package org.flowscope.methods.squirrel;

import java.util.function.DoubleUnaryOperator;

/**
 * One-dimensional minimisation as SciPy's {@code optimize.brent(f, brack=(xa, xb))} does it, so that the RSF sigma
 * lands on the same minimum as NanoPyx: a downhill bracket search from the two starting points (golden-ratio growth
 * 1.618034 with parabolic extrapolation, growth limit 110), then Brent's method (parabolic interpolation with
 * golden-section fallback, relative tolerance 1.48e-8, absolute floor 1e-11). Brent, <i>Algorithms for Minimization
 * without Derivatives</i> (1973), ch. 5; Press et al., <i>Numerical Recipes</i>, &sect;10.1&ndash;10.2.
 */
final class BrentMinimizer {
    private static final double GOLD = 1.618034;
    private static final double GROW_LIMIT = 110.0;
    private static final double VERY_SMALL = 1e-21;
    private static final double CGOLD = 0.3819660;
    private static final double TOL = 1.48e-8;
    private static final double MIN_TOL = 1.0e-11;

    private BrentMinimizer() {
    }

    /** The abscissa of a local minimum of {@code f} reached downhill from {@code xa, xb}. */
    static double minimize(DoubleUnaryOperator f, double xa, double xb, int maxIter) {
        double[] br = bracket(f, xa, xb, maxIter);
        return brent(f, br, maxIter);
    }

    /** {xa, xb, xc, fa, fb, fc} with fb below both ends. */
    static double[] bracket(DoubleUnaryOperator f, double xa, double xb, int maxIter) {
        double fa = f.applyAsDouble(xa);
        double fb = f.applyAsDouble(xb);
        if (fa < fb) {
            double t = xa;
            xa = xb;
            xb = t;
            t = fa;
            fa = fb;
            fb = t;
        }
        double xc = xb + GOLD * (xb - xa);
        double fc = f.applyAsDouble(xc);
        int iter = 0;
        while (fc < fb) {
            double tmp1 = (xb - xa) * (fb - fc);
            double tmp2 = (xb - xc) * (fb - fa);
            double val = tmp2 - tmp1;
            double denom = Math.abs(val) < VERY_SMALL ? 2.0 * VERY_SMALL : 2.0 * val;
            double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
            double wlim = xb + GROW_LIMIT * (xc - xb);
            if (iter > maxIter) {
                throw new IllegalArgumentException("no minimum bracketed within " + maxIter + " iterations (last bracket "
                        + xa + ", " + xb + ", " + xc + ")");
            }
            iter++;
            double fw;
            if ((w - xc) * (xb - w) > 0.0) {
                fw = f.applyAsDouble(w);
                if (fw < fc) {
                    return checked(xb, w, xc, fb, fw, fc);
                } else if (fw > fb) {
                    return checked(xa, xb, w, fa, fb, fw);
                }
                w = xc + GOLD * (xc - xb);
                fw = f.applyAsDouble(w);
            } else if ((w - wlim) * (wlim - xc) >= 0.0) {
                w = wlim;
                fw = f.applyAsDouble(w);
            } else if ((w - wlim) * (xc - w) > 0.0) {
                fw = f.applyAsDouble(w);
                if (fw < fc) {
                    xb = xc;
                    xc = w;
                    w = xc + GOLD * (xc - xb);
                    fb = fc;
                    fc = fw;
                    fw = f.applyAsDouble(w);
                }
            } else {
                w = xc + GOLD * (xc - xb);
                fw = f.applyAsDouble(w);
            }
            xa = xb;
            xb = xc;
            xc = w;
            fa = fb;
            fb = fc;
            fc = fw;
        }
        return checked(xa, xb, xc, fa, fb, fc);
    }

    private static double[] checked(double xa, double xb, double xc, double fa, double fb, double fc) {
        boolean lower = (fb < fc && fb <= fa) || (fb < fa && fb <= fc);
        boolean ordered = (xa < xb && xb < xc) || (xc < xb && xb < xa);
        boolean finite = Double.isFinite(xa) && Double.isFinite(xb) && Double.isFinite(xc);
        if (!(lower && ordered && finite)) {
            throw new IllegalArgumentException("no valid minimum bracket: x = (" + xa + ", " + xb + ", " + xc
                    + "), f = (" + fa + ", " + fb + ", " + fc + ")");
        }
        return new double[] {xa, xb, xc, fa, fb, fc};
    }

    static double brent(DoubleUnaryOperator f, double[] br, int maxIter) {
        double xb = br[1];
        double x = xb;
        double w = xb;
        double v = xb;
        double fx = br[4];
        double fw = fx;
        double fv = fx;
        double a = Math.min(br[0], br[2]);
        double b = Math.max(br[0], br[2]);
        double deltax = 0.0;
        double rat = 0.0;
        for (int iter = 0; iter < maxIter; iter++) {
            double tol1 = TOL * Math.abs(x) + MIN_TOL;
            double tol2 = 2.0 * tol1;
            double xmid = 0.5 * (a + b);
            if (Math.abs(x - xmid) < (tol2 - 0.5 * (b - a))) {
                break;
            }
            if (Math.abs(deltax) <= tol1) {
                deltax = x >= xmid ? a - x : b - x;
                rat = CGOLD * deltax;
            } else {
                double tmp1 = (x - w) * (fx - fv);
                double tmp2 = (x - v) * (fx - fw);
                double p = (x - v) * tmp2 - (x - w) * tmp1;
                tmp2 = 2.0 * (tmp2 - tmp1);
                if (tmp2 > 0.0) {
                    p = -p;
                }
                tmp2 = Math.abs(tmp2);
                double dxTemp = deltax;
                deltax = rat;
                if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)) {
                    rat = p * 1.0 / tmp2;
                    double u = x + rat;
                    if ((u - a) < tol2 || (b - u) < tol2) {
                        rat = xmid - x >= 0 ? tol1 : -tol1;
                    }
                } else {
                    deltax = x >= xmid ? a - x : b - x;
                    rat = CGOLD * deltax;
                }
            }
            double u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
            double fu = f.applyAsDouble(u);
            if (fu > fx) {
                if (u < x) {
                    a = u;
                } else {
                    b = u;
                }
                if (fu <= fw || w == x) {
                    v = w;
                    w = u;
                    fv = fw;
                    fw = fu;
                } else if (fu <= fv || v == x || v == w) {
                    v = u;
                    fv = fu;
                }
            } else {
                if (u >= x) {
                    a = x;
                } else {
                    b = x;
                }
                v = w;
                w = x;
                x = u;
                fv = fw;
                fw = fx;
                fx = fu;
            }
        }
        return x;
    }
}
