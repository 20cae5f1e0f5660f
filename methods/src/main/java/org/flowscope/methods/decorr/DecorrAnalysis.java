package org.flowscope.methods.decorr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The steps of {@link Decorr} after the spectrum: the unfiltered curve, the coarse and the refined high-pass series and
 * the choice of kc_max (spec &sect;11.3). Every implementation runs this same code on its own {@link DecorrSpectrum};
 * they differ only in where the spectrum lives and how its ring sums are computed.
 */
final class DecorrAnalysis {
    private static final double G_MIN = 0.14;

    private final DecorrParams params;
    private final BooleanSupplier cancelled;

    /** {@code cancelled} is polled between series; a true answer ends the analysis with {@link java.util.concurrent.CancellationException}. */
    DecorrAnalysis(DecorrParams params, BooleanSupplier cancelled) {
        this.params = params;
        this.cancelled = cancelled;
    }

    DecorrAnalysis(DecorrParams params) {
        this(params, () -> Thread.currentThread().isInterrupted());
    }

    DecorrResult run(DecorrSpectrum spectrum) {
        int n = spectrum.n();
        double rmin = params.rmin();
        double rmax = params.rmax();
        DecorrRings full = DecorrRings.of(n, rmin, rmax, params.nr());
        double[] d0 = spectrum.sums(full, new double[][] {HighPass.unfiltered(n)})[0].curve();
        // [decision] NanoPyx maps this first peak on [0, 1] whatever rmin/rmax are; we map it on the analysed range
        double[] p0 = peak(d0, rmin, rmax);
        List<DecorrCurve> curves = new ArrayList<>();
        curves.add(new DecorrCurve(0, 0, rmin, rmax, d0, p0[0], p0[1]));

        double gMax = p0[0] == 0 ? n / 2 : (float) (2 / (float) p0[0]);
        double gMin = G_MIN;
        checkCancelled();
        List<DecorrCurve> first = series(spectrum, full, 1, gMin, gMax);
        curves.addAll(first);
        List<DecorrCurve> candidates = new ArrayList<>(first);
        candidates.add(curves.get(0));
        int gm = best(candidates, true);
        int mx = best(candidates, false);
        if (gm < 0 || mx < 0) {
            return new DecorrResult(Double.NaN, Double.NaN, 0, 0, curves);
        }
        double kcGm = candidates.get(gm).kc();
        double kcMx = candidates.get(mx).kc();
        double crmin = Math.max(rmin, Math.min(kcGm, kcMx) - 0.05);
        double crmax = Math.min(rmax, Math.max(kcGm, kcMx) + 0.3);
        int i1 = Math.min(gm, mx) - 1;
        int i2 = Math.max(gm, mx);
        int ng = params.ng();
        double newMin;
        double newMax;
        if (i2 < ng) {
            newMin = Math.exp(Math.log(gMin) + (Math.log(gMax) - Math.log(gMin)) * i1 / (ng - 1));
            newMax = Math.exp(Math.log(gMin) + (Math.log(gMax) - Math.log(gMin)) * i2 / (ng - 1));
        } else {
            // [decision] The unfiltered curve won. NanoPyx then sets the range to [2/N, g_min] in C integer division
            // (2/N = 0, NaN sigmas, a crash in SciPy); even as 2.0/N that range only holds near-identity blurs. Less
            // filtering won, so we refine from the second-largest coarse sigma up to 8 g_max (capped at N/2), where
            // the high pass no longer touches frequencies near kc0 and the curve is the unfiltered one there.
            newMin = Math.exp(Math.log(gMin) + (Math.log(gMax) - Math.log(gMin)) * (ng - 2) / (ng - 1));
            newMax = Math.min(n / 2.0, 8 * gMax);
        }
        checkCancelled();
        List<DecorrCurve> second = series(spectrum, DecorrRings.of(n, crmin, crmax, params.nr()), 2, newMin, newMax);
        curves.addAll(second);
        int best = best(second, false);
        if (best < 0) {
            return new DecorrResult(Double.NaN, Double.NaN, 0, 0, curves);
        }
        double kcMax = second.get(best).kc();
        double resPx = 2 / kcMax;
        double resNm = params.hasPixelSize() ? resPx * params.pixelSizeNm() : Double.NaN;
        return new DecorrResult(resPx, resNm, kcMax, second.get(best).amplitude(), curves);
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean()) {
            throw new java.util.concurrent.CancellationException("decorrelation analysis cancelled");
        }
    }

    /** The sigmas of one high-pass series: {@code n_g} log-spaced values on [gMin, gMax]. */
    double[] sigmas(double gMin, double gMax) {
        int ng = params.ng();
        double[] s = new double[ng];
        for (int k = 0; k < ng; k++) {
            s[k] = Math.exp(Math.log(gMin) + (Math.log(gMax) - Math.log(gMin)) * ((float) k / (ng - 1)));
        }
        return s;
    }

    private List<DecorrCurve> series(DecorrSpectrum spectrum, DecorrRings rings, int pass, double gMin, double gMax) {
        double[] sigmas = sigmas(gMin, gMax);
        double[][] filters = new double[sigmas.length][];
        for (int k = 0; k < sigmas.length; k++) {
            filters[k] = HighPass.table(sigmas[k], spectrum.n());
        }
        RingSums[] sums = spectrum.sums(rings, filters);
        List<DecorrCurve> out = new ArrayList<>(sigmas.length);
        for (int k = 0; k < sigmas.length; k++) {
            double[] d = sums[k].curve();
            double[] p = peak(d, rings.crmin(), rings.crmax());
            out.add(new DecorrCurve(pass, sigmas[k], rings.crmin(), rings.crmax(), d, p[0], p[1]));
        }
        return out;
    }

    /**
     * The peak of a curve (spec &sect;11.3): the arg-max, but a maximum at the high-frequency end is only accepted
     * as a local maximum once it stands more than 0.001 above the minimum after it; returns {kc, amplitude}.
     */
    static double[] peak(double[] d, double r1, double r2) {
        int nr = d.length;
        double[] t = d.clone();
        int idx = argMax(t);
        double value = t[idx];
        int length = nr;
        while (idx == length - 1) {
            t[length - 1] = 0;
            length--;
            if (length == 0) {
                idx = 0;
                value = 0;
                break;
            }
            idx = argMax(t);
            value = t[idx];
            double min = t[idx];
            for (int k = idx; k < length - 1; k++) {
                if (t[k] < min) {
                    min = t[k];
                }
            }
            if (t[idx] - min > 0.001) {
                break;
            }
            t[idx] = min;
            idx = length - 1;
        }
        return new double[] {r1 + (r2 - r1) * idx / (nr - 1), value};
    }

    private static int argMax(double[] t) {
        int idx = 0;
        for (int k = 1; k < t.length; k++) {
            if (t[k] > t[idx]) {
                idx = k;
            }
        }
        return idx;
    }

    /**
     * Index of the curve with the largest kc&middot;A ({@code geometric}) or kc, strictly positive; -1 if none.
     * [decision] A curve without a peak (A = 0, e.g. the all-NaN curve of a radius-0 kernel) is no candidate; NanoPyx
     * lets it compete with kc = crmin.
     */
    private static int best(List<DecorrCurve> curves, boolean geometric) {
        int idx = -1;
        double top = 0;
        for (int k = 0; k < curves.size(); k++) {
            DecorrCurve c = curves.get(k);
            if (!(c.amplitude() > 0)) {
                continue;
            }
            double score = geometric ? c.kc() * c.amplitude() : c.kc();
            if (score > top) {
                top = score;
                idx = k;
            }
        }
        return idx;
    }
}
