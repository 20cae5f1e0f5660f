package org.flowscope.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flowscope.engine.history.BenchmarkKey;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.History;
import org.flowscope.engine.history.Medians;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.spi.DeviceIdentity;

/**
 * Predicts run times from the history, in this order:
 * <ol>
 * <li>{@link PredictionSource#MEASURED}: the median of the undelayed samples of exactly this shape once there are
 * three, the faster of the two when there are {@link #MIN_OWN_SAMPLES};</li>
 * <li>{@link PredictionSource#REGRESSION} / {@link PredictionSource#NEAREST_SHAPE}: a {@link CostFit} over the
 * other shapes this implementation measured on this device (time against the operation's cost feature);</li>
 * <li>{@link PredictionSource#CALIBRATION} / {@link PredictionSource#COLD_BOUND}: when it has measured no real work,
 * the smaller of the same fit over its calibration runs on small work ({@link CalibrationShapes}) and its fastest
 * cold run of exactly this shape: both bound the warm time from above;</li>
 * <li>{@link PredictionSource#PRIOR_SAME_DEVICE} / {@link PredictionSource#PRIOR_SAME_KIND}: the same fit over
 * factory priors;</li>
 * <li>{@link PredictionSource#UNKNOWN}.</li>
 * </ol>
 * The median rather than NanoPyx's mean of the fastest half: it neither rewards a lucky run nor counts contention.
 * Medians are cached per window and fits per implementation and device, recomputed only when that series
 * changes. Thread-safe.
 */
public final class CostRegressionModel implements PerformanceModel {
    /** Own samples of a shape needed before they are trusted over the model (NanoPyx: 2). */
    public static final int MIN_OWN_SAMPLES = 2;

    private record Series(String operation, String implementation, DeviceIdentity device, String libraryVersion) {
    }

    /**
     * The fits of one series at one store revision: over real calls and over calibration runs, in one value so that
     * a thread never sees one refitted and the other not yet (concurrent calls on one engine).
     */
    private record Cached(long revision, CostFit fit, CostFit calibration) {
    }

    private record PriorFit(CostFit fit, FactoryPriors.Match match) {
    }

    private final BenchmarkStore store;
    private final FactoryPriors priors;
    private final Map<Series, Cached> ownFits = new ConcurrentHashMap<>();
    private final Map<Series, PriorFit> priorFits = new ConcurrentHashMap<>();
    private final Map<BenchmarkKey, Median> medians = new ConcurrentHashMap<>();

    /** A window's median, valid while the store hands out the same (immutable) window object. */
    private record Median(List<Sample> window, double value) {
    }

    public CostRegressionModel(BenchmarkStore store, FactoryPriors priors) {
        this.store = store;
        this.priors = priors;
    }

    @Override
    public Prediction predict(BenchmarkKey key, double cost) {
        List<Sample> own = store.window(key);
        if (own.size() >= MIN_OWN_SAMPLES) {
            // with two samples, the faster one: a first run often carries one-off costs (JIT, page faults), and
            // optimism lets a candidate that was unlucky once win again (from three samples on, the median)
            double t = own.size() < 3 ? Math.min(own.get(0).seconds(), own.get(1).seconds()) : median(key, own);
            return new Prediction(t, PredictionSource.MEASURED, own.size());
        }
        Series series = new Series(key.operation(), key.implementation(), key.device(), key.libraryVersion());
        long revision = store.revision(key.implementation(), key.device());
        Cached cached = ownFits.get(series);
        if (cached == null || cached.revision() != revision) {
            List<History> histories = store.histories(key.operation());
            cached = new Cached(revision, CostFit.of(ownPoints(histories, series, false)),
                    CostFit.of(ownPoints(histories, series, true)));
            ownFits.put(series, cached);
        }
        if (cached.fit() != null) {
            PredictionSource source = cached.fit().isRegression() ? PredictionSource.REGRESSION : PredictionSource.NEAREST_SHAPE;
            return new Prediction(cached.fit().predict(cost), source, own.size());
        }
        // both are upper bounds of the warm time (for costs affine in the feature): the smaller is the better one
        CostFit calibration = cached.calibration();
        double calibrated = calibration == null ? Double.POSITIVE_INFINITY : calibration.predict(cost);
        List<Sample> cold = store.warmups(key);
        double coldest = cold.stream().mapToDouble(Sample::seconds).min().orElse(Double.POSITIVE_INFINITY);
        if (calibrated < Double.POSITIVE_INFINITY || coldest < Double.POSITIVE_INFINITY) {
            return calibrated <= coldest ? new Prediction(calibrated, PredictionSource.CALIBRATION, own.size())
                    : new Prediction(coldest, PredictionSource.COLD_BOUND, own.size());
        }
        PriorFit prior = priorFits.computeIfAbsent(series, s -> {
            FactoryPriors.Series p = priors.series(s.operation(), s.implementation(), s.device());
            List<CostFit.Point> points = new ArrayList<>();
            for (History h : p.histories()) {
                points.add(new CostFit.Point(h.cost(), undelayedMedian(h.samples()), h.samples().size()));
            }
            return new PriorFit(CostFit.of(points), p.match());
        });
        if (prior.fit() != null) {
            PredictionSource source = prior.match() == FactoryPriors.Match.SAME_DEVICE
                    ? PredictionSource.PRIOR_SAME_DEVICE : PredictionSource.PRIOR_SAME_KIND;
            return new Prediction(prior.fit().predict(cost), source, own.size());
        }
        return Prediction.unknown(own.size());
    }

    /** The series' own shapes: real calls, or ({@code calibration}) calibration runs only. */
    private List<CostFit.Point> ownPoints(List<History> histories, Series series, boolean calibration) {
        List<CostFit.Point> points = new ArrayList<>();
        for (History h : histories) {
            boolean mine = h.key().sameSeries(series.implementation(), series.device())
                    && h.key().libraryVersion().equals(series.libraryVersion())
                    && CalibrationShapes.is(h.key().shape()) == calibration;
            if (mine && !h.samples().isEmpty()) {
                points.add(new CostFit.Point(h.cost(), median(h.key(), h.samples()), h.samples().size()));
            }
        }
        return points;
    }

    /** The undelayed median of a window, cached while the store hands out the same immutable window object. */
    private double median(BenchmarkKey key, List<Sample> window) {
        Median m = medians.get(key);
        if (m == null || m.window() != window) {
            m = new Median(window, undelayedMedian(window));
            medians.put(key, m);
        }
        return m.value();
    }

    /** Median of the samples not flagged as delayed; of all samples when every one is flagged. */
    public static double undelayedMedian(List<Sample> samples) {
        double[] v = new double[samples.size()];
        int n = 0;
        for (Sample s : samples) {
            if (!s.delayed()) {
                v[n++] = s.seconds();
            }
        }
        if (n == 0) {
            for (Sample s : samples) {
                v[n++] = s.seconds();
            }
        }
        return Medians.medianInPlace(v, n);
    }
}
