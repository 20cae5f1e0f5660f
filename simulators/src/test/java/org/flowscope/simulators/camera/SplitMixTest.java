package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMixTest {
    @Test
    void drawsExactlyWhatTheJdksSplittableRandomDraws() {
        for (long seed : new long[] {0, 1, 7, -3, 0x5eedL, Long.MAX_VALUE, Long.MIN_VALUE, 20_261_124L}) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SplitMix ours = new SplitMix(seed);
            for (int level = 0; level < 4; level++) {
                for (int i = 0; i < 2_000; i++) {
                    assertEquals(jdk.nextLong(), ours.nextLong(), "nextLong, seed " + seed);
                    assertEquals(jdk.nextInt(), ours.nextInt(), "nextInt, seed " + seed);
                    assertEquals(jdk.nextDouble(), ours.nextDouble(), "nextDouble, seed " + seed);
                    assertEquals(jdk.nextGaussian(), ours.nextGaussian(), "nextGaussian, seed " + seed);
                }
                jdk = jdk.split();
                ours = ours.split();
            }
        }
    }

    @Test
    void aStreamCanBeEnteredAtAnyDraw() {
        SplitMix a = new SplitMix(42).split();
        long gamma = a.gamma();
        long start = a.state();
        long[] first = new long[100];
        for (int i = 0; i < first.length; i++) {
            first[i] = a.nextLong();
        }
        SplitMix b = SplitMix.at(start + 57 * gamma, gamma);
        assertEquals(first[57], b.nextLong());
        assertEquals(start + 100 * gamma, a.state());
    }
}
