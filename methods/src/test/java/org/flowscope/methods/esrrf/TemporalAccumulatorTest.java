package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TemporalAccumulatorTest {
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
