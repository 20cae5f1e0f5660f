package org.flowscope.engine.agent;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.MultivariateVectorFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * NanoPyx's P(delay) (spec §9.5): flags {@code z_t} of consecutive runs form pairs (feature {@code z_t}, label
 * {@code z_{t+1}}); a logistic regression with scikit-learn's defaults (L2 penalty on the weight only, C = 1)
 * minimises {@code ½w² + Σ log(1 + exp(-y(w·x + b)))} with {@code y = ±1}; the result is
 * {@code P(delayed | previous delayed) = 1 / (1 + exp(-(w + b)))}. When every label is the same the fit is undefined
 * (scikit-learn raises) and NanoPyx uses 0.01. Solved with Commons Math's non-linear conjugate gradient.
 */
final class LogisticDelayProbability {
    static final double SINGLE_CLASS = 0.01;

    private LogisticDelayProbability() {
    }

    /** @param flags the window's flags followed by the current run's flag */
    static double of(boolean[] flags) {
        // the objective depends only on the counts of the four (feature, label) combinations
        double[][] n = new double[2][2];
        int positives = 0;
        for (int i = 0; i + 1 < flags.length; i++) {
            n[flags[i] ? 1 : 0][flags[i + 1] ? 1 : 0]++;
            positives += flags[i + 1] ? 1 : 0;
        }
        int pairs = flags.length - 1;
        if (pairs < 1 || positives == 0 || positives == pairs) {
            return SINGLE_CLASS;
        }
        MultivariateFunction loss = wb -> {
            double w = wb[0];
            double b = wb[1];
            return 0.5 * w * w + n[0][1] * softplus(-b) + n[0][0] * softplus(b) + n[1][1] * softplus(-(w + b))
                    + n[1][0] * softplus(w + b);
        };
        MultivariateVectorFunction gradient = wb -> {
            double w = wb[0];
            double b = wb[1];
            double g0 = -n[0][1] * sigmoid(-b) + n[0][0] * sigmoid(b);
            double g1 = -n[1][1] * sigmoid(-(w + b)) + n[1][0] * sigmoid(w + b);
            return new double[] {w + g1, g0 + g1};
        };
        // unit bracketing range: the default (1e-8) makes the line search crawl on this well-scaled problem
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-15, 1e-15),
                1e-12, 1e-12, 1.0, new NonLinearConjugateGradientOptimizer.IdentityPreconditioner());
        PointValuePair best = optimizer.optimize(new MaxEval(10_000), new ObjectiveFunction(loss),
                new ObjectiveFunctionGradient(gradient), GoalType.MINIMIZE, new InitialGuess(new double[] {0, 0}));
        double[] wb = best.getPoint();
        return sigmoid(wb[0] + wb[1]);
    }

    private static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
