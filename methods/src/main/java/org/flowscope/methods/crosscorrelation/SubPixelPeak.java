package org.flowscope.methods.crosscorrelation;

/**
 * Finds the maximum of a cross-correlation to a small fraction of a pixel.
 *
 * <p>Method (chosen over NanoPyx's Nelder&ndash;Mead search on a Catmull-Rom surface, spec &sect;7.3 and &sect;18
 * item 11): (1) the integer arg-max inside the allowed shift window; (2) a separable three-point parabola
 * through it as the start; (3) Newton iterations on the <em>trigonometric interpolant</em> of the correlation,
 * {@code f(d) = Re sum_k P(k) exp(2 pi i k.d / N)}, whose value, gradient and Hessian are evaluated exactly from
 * the cross-power spectrum {@code P} (signed frequencies; the Nyquist term enters through the real part, which
 * equals the symmetric split for a real map). For band-limited images this interpolant is the continuous
 * cross-correlation itself, so its maximum is the least-squares translation estimate (the principle behind
 * Guizar-Sicairos, Thurman &amp; Fienup, Opt. Lett. 33:156, 2008, whose up-sampled DFT only samples it on a
 * 1/u grid). Newton converges to ~1e-7 px in three or four steps; when it wanders more than one pixel away
 * from the integer maximum (a flat or noisy map) the parabola's answer is returned instead.
 *
 * <p>Coordinates: the correlation is indexed by shift, {@code c[y][x]} for shift
 * {@code (y mod h, x mod w)}; results are signed shifts in {@code (-h/2, h/2]} and {@code (-w/2, w/2]}.
 */
public final class SubPixelPeak {
    private static final int MAX_NEWTON_STEPS = 30;
    private static final double STEP_LIMIT = 0.5;

    private SubPixelPeak() {
    }

    /** Result in shift coordinates with the interpolant's value (same scale as {@code corr}). */
    public record Located(double dy, double dx, double value, boolean refined) {
    }

    /**
     * Locates the maximum.
     *
     * @param spectrum cross-power spectrum, interleaved complex (h*w), whose inverse DFT (with 1/(h w)) is corr
     * @param corr     the real correlation indexed by shift (length h*w)
     * @param limY     largest |shift| along y searched for the integer maximum (at most h/2)
     * @param limX     the same along x
     */
    public static Located locate(double[] spectrum, double[] corr, int h, int w, int limY, int limX) {
        limY = Math.min(limY, h / 2);
        limX = Math.min(limX, w / 2);
        int by = 0;
        int bx = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int sy = -limY; sy <= limY; sy++) {
            if (sy == -limY && 2 * limY == h) {
                continue; // -h/2 and +h/2 are the same row
            }
            int row = Math.floorMod(sy, h) * w;
            for (int sx = -limX; sx <= limX; sx++) {
                if (sx == -limX && 2 * limX == w) {
                    continue;
                }
                double v = corr[row + Math.floorMod(sx, w)];
                if (v > best) {
                    best = v;
                    by = sy;
                    bx = sx;
                }
            }
        }
        return refine(by, bx, new Surface() {
            @Override
            public double at(int sy, int sx) {
                return SubPixelPeak.at(corr, h, w, sy, sx);
            }

            @Override
            public double[] evaluate(double y, double x) {
                return SubPixelPeak.evaluate(spectrum, h, w, y, x);
            }
        });
    }

    /**
     * The correlation around its maximum as {@link #refine} needs it: samples at integer shifts, and the trigonometric
     * interpolant with its derivatives {f, fy, fx, fyy, fxx, fxy} (see {@link #evaluate}). The device implementations
     * compute both on the device; the steps below are shared, so every backend takes the same decisions.
     */
    public interface Surface {
        /** The correlation at integer shift (sy, sx) (wrapped). */
        double at(int sy, int sx);

        /** The interpolant and its derivatives at (y, x). */
        double[] evaluate(double y, double x);
    }

    /** Steps (2) and (3) from the integer maximum (by, bx): parabola start, Newton, parabola fallback. */
    public static Located refine(int by, int bx, Surface s) {
        double y0 = by + parabola(s, by, bx, true);
        double x0 = bx + parabola(s, by, bx, false);
        double[] start = {y0, x0};
        double[] r = newton(s, start);
        if (r == null || Math.abs(r[0] - by) > 1 || Math.abs(r[1] - bx) > 1) {
            double v = s.evaluate(y0, x0)[0];
            return new Located(y0, x0, v, false);
        }
        return new Located(r[0], r[1], r[2], true);
    }

    private static double parabola(Surface c, int sy, int sx, boolean alongY) {
        double m = c.at(sy - (alongY ? 1 : 0), sx - (alongY ? 0 : 1));
        double z = c.at(sy, sx);
        double p = c.at(sy + (alongY ? 1 : 0), sx + (alongY ? 0 : 1));
        double den = m - 2 * z + p;
        if (!(den < 0)) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (m - p) / den));
    }

    static double at(double[] c, int h, int w, int sy, int sx) {
        return c[Math.floorMod(sy, h) * w + Math.floorMod(sx, w)];
    }

    /** Newton ascent from {@code start}; returns {y, x, value} or null when it fails to converge. */
    private static double[] newton(Surface s, double[] start) {
        double y = start[0];
        double x = start[1];
        for (int it = 0; it < MAX_NEWTON_STEPS; it++) {
            double[] e = s.evaluate(y, x);
            double fy = e[1];
            double fx = e[2];
            double fyy = e[3];
            double fxx = e[4];
            double fxy = e[5];
            double det = fyy * fxx - fxy * fxy;
            double sy;
            double sx;
            if (fyy < 0 && det > 0) {
                sy = -(fxx * fy - fxy * fx) / det;
                sx = -(-fxy * fy + fyy * fx) / det;
            } else {
                double scale = Math.abs(fyy) + Math.abs(fxx) + 1e-300;
                sy = fy / scale;
                sx = fx / scale;
            }
            double norm = Math.hypot(sy, sx);
            if (!Double.isFinite(norm)) {
                return null;
            }
            if (norm > STEP_LIMIT) {
                sy *= STEP_LIMIT / norm;
                sx *= STEP_LIMIT / norm;
            }
            y += sy;
            x += sx;
            if (norm < 1e-6) {
                return new double[] {y, x, s.evaluate(y, x)[0]};
            }
        }
        return null;
    }

    /**
     * The interpolant at shift (y, x) with its derivatives: {f, fy, fx, fyy, fxx, fxy}, f scaled like the inverse
     * DFT (1/(h w)).
     */
    static double[] evaluate(double[] p, int h, int w, double y, double x) {
        double[] exRe = new double[w];
        double[] exIm = new double[w];
        double[] b = new double[w];
        for (int k = 0; k < w; k++) {
            int ks = k <= w / 2 ? k : k - w;
            b[k] = 2 * Math.PI * ks / w;
            exRe[k] = Math.cos(b[k] * x);
            exIm[k] = Math.sin(b[k] * x);
        }
        double f = 0;
        double fy = 0;
        double fx = 0;
        double fyy = 0;
        double fxx = 0;
        double fxy = 0;
        for (int k = 0; k < h; k++) {
            int ks = k <= h / 2 ? k : k - h;
            double a = 2 * Math.PI * ks / h;
            double r0 = 0;
            double i0 = 0;
            double rb = 0;
            double ib = 0;
            double rbb = 0;
            double ibb = 0;
            int base = 2 * k * w;
            for (int j = 0; j < w; j++) {
                double pr = p[base + 2 * j];
                double pi = p[base + 2 * j + 1];
                double tr = pr * exRe[j] - pi * exIm[j];
                double ti = pr * exIm[j] + pi * exRe[j];
                double bj = b[j];
                r0 += tr;
                i0 += ti;
                rb += bj * tr;
                ib += bj * ti;
                double bb = bj * bj;
                rbb += bb * tr;
                ibb += bb * ti;
            }
            double er = Math.cos(a * y);
            double ei = Math.sin(a * y);
            double e0r = er * r0 - ei * i0;
            double e0i = er * i0 + ei * r0;
            double ebr = er * rb - ei * ib;
            double ebi = er * ib + ei * rb;
            double ebbr = er * rbb - ei * ibb;
            f += e0r;
            fy -= a * e0i;
            fx -= ebi;
            fyy -= a * a * e0r;
            fxx -= ebbr;
            fxy -= a * ebr;
        }
        double n = (double) h * w;
        return new double[] {f / n, fy / n, fx / n, fyy / n, fxx / n, fxy / n};
    }
}
