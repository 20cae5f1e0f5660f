package org.flowscope.methods.esrrfsweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QnrScoreTest {
    @Test
    void theLogisticGivesTheBestResolution0925TheWorst0075AndTheMidpointOneHalf() {
        double[] n = QnrScore.normalise(new double[] {2, 3, 4});
        assertArrayEquals(new double[] {0.925, 0.5, 0.075}, n, 1e-12);
    }

    @Test
    void theLogisticIsNanoPyxsFormulaInBetween() {
        double min = 1.2;
        double max = 3.7;
        double v = 1.9;
        double a1 = Math.log((1 - 0.075) / 0.075);
        double a2 = Math.log((1 - 0.925) / 0.925);
        double x0 = (a2 * max - a1 * min) / (a2 - a1);
        double k = 1 / (x0 - max) * a1;
        double expected = 1 / (Math.exp(-k * (v - x0)) + 1);
        assertEquals(expected, QnrScore.normalise(new double[] {min, v, max})[1], 1e-12);
    }

    @Test
    void unmeasuredResolutionsStayNanAndDoNotMoveTheExtremes() {
        double[] n = QnrScore.normalise(new double[] {Double.NaN, 2, 4, Double.NaN});
        assertTrue(Double.isNaN(n[0]) && Double.isNaN(n[3]));
        assertEquals(0.925, n[1], 1e-12);
        assertEquals(0.075, n[2], 1e-12);
    }

    @Test
    void aMapOfEqualResolutionsMapsToOneHalf() {
        assertArrayEquals(new double[] {0.5, 0.5}, QnrScore.normalise(new double[] {1.5, 1.5}), 0);
    }

    @Test
    void qnrIsTheHarmonicMeanAndUnscoredWithoutEitherFigure() {
        assertEquals(2 * 0.9 * 0.5 / 1.4, QnrScore.qnr(0.9, 0.5), 1e-15);
        assertTrue(Double.isNaN(QnrScore.qnr(Double.NaN, 0.5)));
        assertTrue(Double.isNaN(QnrScore.qnr(0.9, Double.NaN)));
    }

    @Test
    void aNegativeRspCountsAsZeroInsteadOfBlowingUpTheHarmonicMean() {
        // -0.5 and 0.5: NanoPyx's formula would divide by zero; -0.4 and 0.5 would give -4, far outside both
        assertEquals(0, QnrScore.qnr(-0.5, 0.5), 0);
        assertEquals(0, QnrScore.qnr(-0.4, 0.5), 0);
        assertEquals(0, QnrScore.qnr(0, 0), 0);
    }
}
