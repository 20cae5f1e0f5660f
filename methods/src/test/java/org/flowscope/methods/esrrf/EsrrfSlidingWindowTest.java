package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EsrrfSlidingWindowTest {
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    private static TemporalAccumulator threaded(EsrrfParams p, ImageStack block) {
        int m = p.magnification();
        TemporalAccumulator acc = new TemporalAccumulator(p.temporal(), block.frameSize() * m * m);
        EsrrfCpuThreaded.accumulate(p, block, acc, POOL);
        return acc;
    }

    @Test
    void slidingWindowsEqualRecomputedWindowsForEveryStatisticAndReuseSharedBlocks() {
        ImageStack stream = SyntheticFrames.denseBlinking(24, 12, 11, 9);
        int window = 12;
        int step = 4;
        Tolerance tol = new Esrrf().tolerance();
        for (TemporalCorrelation stat : TemporalCorrelation.values()) {
            EsrrfParams p = EsrrfParams.defaults().withMagnification(3).withTemporal(stat);
            EsrrfSlidingWindow sliding = new EsrrfSlidingWindow(p, EsrrfSlidingWindow.blockLength(window, step),
                    EsrrfSlidingWindowTest::threaded);
            int windows = 0;
            for (int start = 0; start + window <= stream.frames(); start += step) {
                ImageStack w = stream.frames(start, start + window);
                ImageStack expected = EsrrfCpu.apply(p, w);
                ImageStack got = sliding.apply(w, 1000 + start);
                assertNull(tol.firstViolation(expected.data(), got.data()), stat + " window at " + start);
                windows++;
            }
            assertEquals(windows * window / step, sliding.computedBlocks() + sliding.reusedBlocks());
            assertEquals(3 + (windows - 1), sliding.computedBlocks(), stat + ": each new window computes one block");
        }
    }

    @Test
    void incrementalStatisticsEqualTheBatchOnes() {
        float[] frames = new float[7 * 5];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < frames.length; i++) {
            frames[i] = (float) r.nextDouble(0, 100);
        }
        for (TemporalCorrelation stat : TemporalCorrelation.values()) {
            TemporalAccumulator a = new TemporalAccumulator(stat, 5);
            TemporalAccumulator b = new TemporalAccumulator(stat, 5);
            for (int t = 0; t < 7; t++) {
                (t < 3 ? a : b).addFrame(frames, t * 5);
            }
            a.append(b);
            float[] batch = TemporalStatistics.reduce(stat, frames, 7, 5);
            float[] inc = a.result();
            for (int p = 0; p < 5; p++) {
                assertEquals(batch[p], inc[p], 1e-4 * Math.abs(batch[p]) + 1e-3, stat + " pixel " + p);
            }
        }
    }
}
