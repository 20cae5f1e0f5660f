package org.flowscope.engine.spi;

/**
 * How close two outputs of the same operation must be: element-wise
 * {@code |a - b| <= abs + relToMax * max|reference|}. NaN must match NaN. A correlation coefficient is never used.
 *
 * @param abs      absolute allowance
 * @param relToMax allowance relative to the largest reference magnitude
 */
public record Tolerance(double abs, double relToMax) {
    public Tolerance {
        if (!(abs >= 0) || !(relToMax >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got abs=" + abs + " relToMax=" + relToMax);
        }
    }

    /** The worst violation, or {@code null} when {@code actual} is within tolerance of {@code reference}. */
    public String firstViolation(float[] reference, float[] actual) {
        if (reference.length != actual.length) {
            return "length " + actual.length + " differs from reference length " + reference.length;
        }
        double max = 0;
        for (float v : reference) {
            if (Float.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double allowed = abs + relToMax * max;
        int worst = -1;
        double worstDiff = 0;
        for (int i = 0; i < reference.length; i++) {
            float r = reference[i];
            float a = actual[i];
            if (Float.isNaN(r) || Float.isNaN(a)) {
                if (Float.isNaN(r) != Float.isNaN(a)) {
                    return "element " + i + ": reference " + r + " but got " + a;
                }
                continue;
            }
            double d = Math.abs((double) r - a);
            if (!(d <= allowed) && d > worstDiff) {
                worstDiff = d;
                worst = i;
            }
        }
        if (worst >= 0) {
            return "element " + worst + ": reference " + reference[worst] + " but got " + actual[worst]
                    + " (|diff| " + worstDiff + " > allowed " + allowed + ")";
        }
        return null;
    }
}
