package org.flowscope.methods.nlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NegExpTest {
    @Test
    void staysWithinTheDocumentedErrorOfExp() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 1 << 16;
        float[] x = new float[n];
        float[] y = new float[n];
        double abs = 0;
        double relBelow5 = 0;
        double rel = 0;
        for (int rep = 0; rep < 20; rep++) {
            for (int i = 0; i < n; i++) {
                x[i] = (float) rnd.nextDouble(0, NegExp.CLAMP);
            }
            NegExp.apply(x, y, n);
            for (int i = 0; i < n; i++) {
                double e = Math.exp(-(double) x[i]);
                double diff = Math.abs(y[i] - e);
                abs = Math.max(abs, diff);
                rel = Math.max(rel, diff / e);
                if (x[i] <= 5) {
                    relBelow5 = Math.max(relBelow5, diff / e);
                }
            }
        }
        assertTrue(abs < 1.7e-6, "absolute error " + abs);
        assertTrue(relBelow5 < 2.4e-6, "relative error up to 5: " + relBelow5);
        assertTrue(rel < 5e-6, "relative error up to 24: " + rel);
    }

    @Test
    void isOneAtZeroAndForNegativeArgumentsAndTinyButPositivePastTheClamp() {
        assertEquals(1f, NegExp.of(0f));
        assertEquals(1f, NegExp.of(-3f));
        assertEquals(Math.exp(-24), NegExp.of(1e6f), 1e-15);
    }
}
