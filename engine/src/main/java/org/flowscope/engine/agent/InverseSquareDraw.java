package org.flowscope.engine.agent;

import java.util.random.RandomGenerator;

/**
 * Paper eq. 4: candidate {@code k} is drawn with probability {@code (1/Adj_k²) / Σ_j (1/Adj_j²)}; all-equal
 * weights when they sum to zero (NanoPyx's fallback).
 */
final class InverseSquareDraw {
    private InverseSquareDraw() {
    }

    static double[] probabilities(double[] adjusted) {
        double[] w = new double[adjusted.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = adjusted[i] > 0 && Double.isFinite(adjusted[i]) ? 1 / (adjusted[i] * adjusted[i]) : 0;
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = sum > 0 ? w[i] / sum : 1.0 / w.length;
        }
        return w;
    }

    static int draw(double[] adjusted, RandomGenerator random) {
        double[] p = probabilities(adjusted);
        double u = random.nextDouble();
        double acc = 0;
        for (int i = 0; i < p.length; i++) {
            acc += p[i];
            if (u < acc) {
                return i;
            }
        }
        return p.length - 1;
    }
}
