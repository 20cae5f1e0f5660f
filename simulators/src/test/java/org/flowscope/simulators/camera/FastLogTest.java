package org.flowscope.simulators.camera;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLogTest {
    @Test
    void staysWithinItsErrorBoundOfMathLogOverTheWholeNormalRange() {
        SplittableRandom rng = new SplittableRandom(3);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // uniform mantissa and exponent across the normal range, plus the ranges PTRS feeds it
            double x = switch (i % 3) {
                case 0 -> Math.scalb(1 + rng.nextDouble(), rng.nextInt(-1022, 1023));
                case 1 -> rng.nextDouble() + Double.MIN_NORMAL;
                default -> 0.1 + 1e4 * rng.nextDouble();
            };
            worst = Math.max(worst, Math.abs(FastLog.log(x) - Math.log(x)));
        }
        for (double x : new double[] {1, 2, 0.5, Double.MIN_NORMAL, Double.MAX_VALUE, Math.nextDown(2.0), Math.nextUp(1.0)}) {
            worst = Math.max(worst, Math.abs(FastLog.log(x) - Math.log(x)));
        }
        assertTrue(worst <= FastLog.ERROR, "largest error " + worst);
        assertTrue(FastLog.ERROR * 100 < FastLog.MARGIN, "the decision margin covers the error");
    }

    @Test
    void refusesArgumentsOutsideTheNormalRange() {
        for (double x : new double[] {0, -1, Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertFalse(FastLog.usable(x), "usable(" + x + ")");
        }
    }
}
