package org.flowscope.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.flowscope.engine.fixtures.Keys;
import org.flowscope.engine.history.FactoryPriors;
import org.flowscope.engine.history.History;
import org.flowscope.engine.history.InMemoryBenchmarkStore;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.junit.jupiter.api.Test;

class CostRegressionModelTest {
    private final InMemoryBenchmarkStore store = new InMemoryBenchmarkStore(100);
    private final CostRegressionModel model = new CostRegressionModel(store, FactoryPriors.none());
    private final Random random = new Random(3);

    private static double cost(int size) {
        return (double) size * size * 81;
    }

    /** A GPU-like law: 1 ms overhead plus 0.5 ns per cost unit, with 3 % Gaussian jitter. */
    private double gpuTime(int size) {
        return (1e-3 + 0.5e-9 * cost(size)) * (1 + 0.03 * random.nextGaussian());
    }

    private void measure(String impl, DeviceIdentity d, int size, int n) {
        for (int i = 0; i < n; i++) {
            store.record(Keys.key(impl, d, size), cost(size), new Sample(gpuTime(size), i, false));
        }
    }

    @Test
    void measuredShapeUsesTheMedianOfUndelayedSamples() {
        var key = Keys.key("a", Keys.GPU, 100);
        for (double t : new double[] {1, 2, 3}) {
            store.record(key, 1, new Sample(t, 0, false));
        }
        store.record(key, 1, new Sample(50, 0, true));
        store.record(key, 1, new Sample(60, 0, true));
        Prediction p = model.predict(key, 1);
        assertEquals(PredictionSource.MEASURED, p.source());
        assertEquals(2.0, p.seconds());
        assertEquals(5, p.samples());
    }

    @Test
    void regressionPredictsUnseenSizesBetweenAndBeyondMeasuredOnes() {
        for (int size : new int[] {128, 256, 512, 1024, 2048}) {
            measure("a", Keys.GPU, size, 20);
        }
        for (int size : new int[] {300, 700, 1500, 4000}) {
            Prediction p = model.predict(Keys.key("a", Keys.GPU, size), cost(size));
            assertEquals(PredictionSource.REGRESSION, p.source());
            double truth = 1e-3 + 0.5e-9 * cost(size);
            assertEquals(truth, p.seconds(), 0.05 * truth, "size " + size);
        }
    }

    @Test
    void oneOutlyingShapeDoesNotBendTheLine() {
        for (int size : new int[] {128, 256, 512, 1024, 2048, 3000}) {
            measure("a", Keys.GPU, size, 10);
        }
        for (int i = 0; i < 10; i++) {
            store.record(Keys.key("a", Keys.GPU, 700), cost(700), new Sample(10 * (1e-3 + 0.5e-9 * cost(700)), i, false));
        }
        double truth = 1e-3 + 0.5e-9 * cost(1500);
        assertEquals(truth, model.predict(Keys.key("a", Keys.GPU, 1500), cost(1500)).seconds(), 0.1 * truth);
    }

    @Test
    void oneMeasuredShapeIsScaledByTheCostRatio() {
        store.record(Keys.key("a", Keys.CPU, 100), cost(100), new Sample(0.01, 0, false));
        Prediction p = model.predict(Keys.key("a", Keys.CPU, 200), cost(200));
        assertEquals(PredictionSource.NEAREST_SHAPE, p.source());
        assertEquals(0.04, p.seconds(), 1e-12);
    }

    /** Spec §15 item 3: own timings of the shape count from 2 on; one own timing already beats another machine's. */
    @Test
    void ownTimingsOfTheShapeAreTrustedFromTwoOn() {
        var priors = FactoryPriors.of(List.of(new History(Keys.key("a", Keys.GPU, 300), cost(300), List.of(new Sample(1.0, 0, false)))));
        var m = new CostRegressionModel(store, priors);
        var key = Keys.key("a", Keys.GPU, 300);
        assertEquals(PredictionSource.PRIOR_SAME_DEVICE, m.predict(key, cost(300)).source());
        store.record(key, cost(300), new Sample(0.5, 0, false));
        assertEquals(PredictionSource.NEAREST_SHAPE, m.predict(key, cost(300)).source());
        assertEquals(0.5, m.predict(key, cost(300)).seconds(), 1e-12);
        store.record(key, cost(300), new Sample(0.7, 1, false));
        assertEquals(PredictionSource.MEASURED, m.predict(key, cost(300)).source());
        assertEquals(0.5, m.predict(key, cost(300)).seconds(), 1e-12, "two samples: the faster");
        store.record(key, cost(300), new Sample(0.9, 2, false));
        assertEquals(0.7, m.predict(key, cost(300)).seconds(), 1e-12, "three on: the median");
    }

    @Test
    void otherDevicesAndLibraryVersionsDoNotLeakIn() {
        measure("a", Keys.GPU, 512, 5);
        assertEquals(PredictionSource.UNKNOWN, model.predict(Keys.key("a", Keys.CPU, 512), cost(512)).source());
        var otherVersion = new org.flowscope.engine.history.BenchmarkKey("conv2d", "a", Keys.GPU, Keys.shape(600, 600), "other");
        assertEquals(PredictionSource.UNKNOWN, model.predict(otherVersion, cost(600)).source());
    }

    @Test
    void coldStartUsesPriorsOfTheSameDeviceElseOfTheSameKind() {
        var priorGpu = new DeviceIdentity(DeviceKind.OPENCL, Keys.GPU.vendor(), Keys.GPU.model(), "old driver", 1, Keys.GPU.computeUnits());
        var priors = FactoryPriors.of(List.of(
                new History(new org.flowscope.engine.history.BenchmarkKey("conv2d", "a", priorGpu, Keys.shape(1000, 1000), "0"),
                        cost(1000), List.of(new Sample(0.1, 0, false)))));
        var withPriors = new CostRegressionModel(store, priors);
        Prediction p = withPriors.predict(Keys.key("a", Keys.GPU, 500), cost(500));
        assertEquals(PredictionSource.PRIOR_SAME_DEVICE, p.source());
        assertEquals(0.025, p.seconds(), 1e-12);
        var otherGpu = new DeviceIdentity(DeviceKind.OPENCL, "Other", "Other GPU", "1", 1, 8);
        assertEquals(PredictionSource.PRIOR_SAME_KIND, withPriors.predict(Keys.key("a", otherGpu, 500), cost(500)).source());
        measure("a", Keys.GPU, 700, 1);
        assertEquals(PredictionSource.NEAREST_SHAPE, withPriors.predict(Keys.key("a", Keys.GPU, 500), cost(500)).source(),
                "one own measurement beats priors");
    }
}
