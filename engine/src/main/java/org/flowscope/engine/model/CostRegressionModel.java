package org.flowscope.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.engine.history.BenchmarkKey;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.history.History;
import org.flowscope.engine.history.Sample;

/**
 * Predicts from the history: the median of the undelayed samples of the exact shape when there are at least
 * {@link #MIN_OWN_SAMPLES}; otherwise the nearest measured shape of the same implementation and device, scaled by
 * the cost ratio.
 */
public final class CostRegressionModel implements PerformanceModel {
    /** Own samples needed before they are trusted over the model (NanoPyx uses its own records from 2 on). */
    public static final int MIN_OWN_SAMPLES = 2;
    private final BenchmarkStore store;

    public CostRegressionModel(BenchmarkStore store) {
        this.store = store;
    }

    @Override
    public Prediction predict(BenchmarkKey key, double cost) {
        List<Sample> own = store.window(key);
        double median = undelayedMedian(own);
        if (own.size() >= MIN_OWN_SAMPLES && !Double.isNaN(median)) {
            return new Prediction(median, PredictionSource.MEASURED, own.size());
        }
        double best = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (History h : store.histories(key.operation())) {
            if (!h.key().sameSeries(key.implementation(), key.device()) || h.samples().isEmpty() || !(h.cost() > 0)) {
                continue;
            }
            double distance = Math.abs(Math.log(h.cost() / cost));
            double m = undelayedMedian(h.samples());
            if (distance < bestDistance && !Double.isNaN(m)) {
                bestDistance = distance;
                best = m * cost / h.cost();
            }
        }
        return Double.isNaN(best) ? Prediction.unknown(own.size()) : new Prediction(best, PredictionSource.NEAREST_SHAPE, own.size());
    }

    /** Median of the samples not flagged as delayed; of all samples when every one is flagged. */
    static double undelayedMedian(List<Sample> samples) {
        List<Double> v = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            if (!s.delayed()) {
                v.add(s.seconds());
            }
        }
        if (v.isEmpty()) {
            samples.forEach(s -> v.add(s.seconds()));
        }
        if (v.isEmpty()) {
            return Double.NaN;
        }
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : 0.5 * (v.get(n / 2 - 1) + v.get(n / 2));
    }
}
