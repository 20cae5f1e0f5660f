package org.flowscope.methods.esrrfsweep;

/**
 * The QnR score of eSRRF's parameter sweep (Laine et al. 2023; methods spec &sect;15): fidelity and resolution in one
 * number per parameter combination.
 *
 * <p>Resolution values are mapped through a logistic fixed by the map's extremes, so that the best (smallest) value
 * gets {@code M2 = 0.925} and the worst (largest) {@code M1 = 0.075}:
 * <pre>
 *   A1 = ln((1 - M1)/M1),  A2 = ln((1 - M2)/M2),  x0 = (A2 max - A1 min)/(A2 - A1),  k = A1/(x0 - max)
 *   nRes = 1 / (exp(-k (res - x0)) + 1)
 * </pre>
 * then {@code QnR = 2 RSP nRes / (RSP + nRes)}, the harmonic mean.
 *
 * <p>Decisions where NanoPyx's code is silent or odd (spec &sect;18 style):
 * <ul>
 *   <li>An unmeasurable resolution (FRC curve never crossing 1/7, no decorrelation peak) is NaN, left out of min/max,
 *       and its combination gets no score (QnR NaN). NanoPyx's FRC returns 0 for "no crossing", which its logistic
 *       then ranks as the best resolution of the map.</li>
 *   <li>A map whose measurable values are all equal maps them to 0.5 (NanoPyx does the same).</li>
 *   <li>A negative RSP (the reconstruction anti-correlated with the widefield image) counts as 0: the harmonic mean of
 *       a negative and a positive number is not a score (it can exceed both, or divide by zero).</li>
 *   <li>QnR is NaN when RSP or resolution is NaN, and such combinations are never "best" (NanoPyx turns NaN into 0).</li>
 * </ul>
 */
public final class QnrScore {
    /** Normalised score given to the largest (worst) resolution of the map. */
    public static final double M1 = 0.075;
    /** Normalised score given to the smallest (best) resolution of the map. */
    public static final double M2 = 0.925;

    private QnrScore() {
    }

    /** The logistic normalisation of every value of {@code resolution} (any unit; NaN stays NaN). */
    public static double[] normalise(double[] resolution) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : resolution) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double[] out = new double[resolution.length];
        double a1 = Math.log((1 - M1) / M1);
        double a2 = Math.log((1 - M2) / M2);
        double x0 = (a2 * max - a1 * min) / (a2 - a1);
        double k = a1 / (x0 - max);
        for (int i = 0; i < out.length; i++) {
            double v = resolution[i];
            if (!Double.isFinite(v)) {
                out[i] = Double.NaN;
            } else if (min == max) {
                out[i] = 0.5;
            } else {
                out[i] = 1 / (Math.exp(-k * (v - x0)) + 1);
            }
        }
        return out;
    }

    /** The harmonic mean of {@code max(rsp, 0)} and {@code normalisedResolution}; NaN when either is NaN; 0 when both are 0. */
    public static double qnr(double rsp, double normalisedResolution) {
        if (!Double.isFinite(rsp) || !Double.isFinite(normalisedResolution)) {
            return Double.NaN;
        }
        double r = Math.max(rsp, 0);
        double sum = r + normalisedResolution;
        return sum == 0 ? 0 : 2 * r * normalisedResolution / sum;
    }
}
