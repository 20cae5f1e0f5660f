package org.flowscope.methods.decorr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecorrRingsTest {
    @ParameterizedTest(name = "n {0}, [{1}, {2}], n_r {3}")
    @CsvSource({"64, 0, 1, 50", "128, 0.05, 0.9, 30", "256, 0.31, 0.66, 50", "32, 0, 0.4, 10", "100, 0.2, 1, 17", "2048, 0.65, 1, 50"})
    void runsHoldExactlyNanoPyxSamplesWithTheirCurvePoints(int n, double crmin, double crmax, int nr) {
        int cols = n / 2 + 1;
        int[] expected = new int[n * cols];
        java.util.Arrays.fill(expected, -1);
        // the reference loop over the fft-shifted spectrum (spec 11.2), mapped to the stored conjugate
        int c = n / 2;
        int ox = (int) (n * (1 - crmax) / 2);
        int wd = (int) (n * crmax);
        long stop = (long) n * n / 2 + n / 2;
        outer:
        for (int x = ox; x < ox + wd; x++) {
            for (int y = ox; y < ox + wd; y++) {
                if ((long) x * n + y > stop) {
                    break outer;
                }
                long dx = x - c;
                long dy = y - c;
                double rho = Math.sqrt(4.0 * (dx * dx + dy * dy) / ((double) n * n));
                if (rho <= crmax) {
                    double t = (rho - crmin) / (crmax - crmin) * (nr - 1);
                    if (t < 0) {
                        t = 0;
                    }
                    int k = (int) Math.round(t);
                    if (k < nr) {
                        int row = Math.floorMod(c - y, n);
                        int col = c - x;
                        assertEquals(-1, expected[row * cols + col], "one stored sample per shifted pixel");
                        expected[row * cols + col] = k;
                    }
                }
            }
        }
        DecorrRings rings = DecorrRings.of(n, crmin, crmax, nr);
        int[] actual = new int[n * cols];
        java.util.Arrays.fill(actual, -1);
        int[] runs = rings.runs();
        for (int r = 0; r < rings.runCount(); r++) {
            for (int x = runs[4 * r + 2]; x < runs[4 * r + 3]; x++) {
                assertEquals(-1, actual[runs[4 * r] * cols + x], "runs overlap at row " + runs[4 * r] + " column " + x);
                actual[runs[4 * r] * cols + x] = runs[4 * r + 1];
            }
        }
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest(name = "n {0}")
    @CsvSource({"16", "64", "98"})
    void discRowsWithConjugatesCountedTwiceCoverTheFullDisc(int n) {
        DecorrRings rings = DecorrRings.of(n, 0, 1, 10);
        int c = n / 2;
        long full = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                long dy = y - c;
                long dx = x - c;
                if (4 * (dy * dy + dx * dx) < (long) n * n) {
                    full++;
                }
            }
        }
        long stored = 0;
        for (int row = 0; row < n; row++) {
            int last = rings.discEnd(row);
            if (last >= 0) {
                stored += 1 + 2L * last;
            }
        }
        assertEquals(full, stored);
    }
}
