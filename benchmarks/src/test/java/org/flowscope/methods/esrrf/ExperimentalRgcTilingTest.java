package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shared-memory tile of the tiled CUDA kernel holds every lattice point its interior pixels read. */
class ExperimentalRgcTilingTest {

    @Test
    void everyInteriorSampleOfEveryBlockLandsInsideItsTile() {
        for (Geometry g : Geometry.values()) {
            for (int m : new int[] {1, 2, 5, 10}) {
                for (float r : new float[] {0.5f, 1.5f, 3f}) {
                    EsrrfPlan p = new EsrrfPlan(EsrrfParams.defaults().withGeometry(g).withMagnification(m).withRadius(r), 21, 70);
                    int[] shape = ExperimentalRgc.tileShape(p);
                    assertNotNull(shape, g + " M" + m + " r" + r);
                    int rows = shape[0];
                    int cols = shape[1];
                    float[] s = ExperimentalRgc.tiledSamples(new DeviceTables(p), cols);
                    for (int i = 0; i < p.hm; i++) {
                        int tileY0 = p.baseY[(i / 4) * 4];
                        for (int q = 0; q < p.w; q++) {
                            for (int sx = 0; sx < m; sx++) {
                                int j = q * m + sx;
                                if (!(p.interiorRow(i) && p.insideX[j])) {
                                    continue;
                                }
                                int tileX0 = p.baseX[(q / 32) * 32 * m + sx];
                                int base = (p.baseY[i] - tileY0) * cols + (p.baseX[j] - tileX0);
                                int ph = (i % m) * m + sx;
                                for (int k = p.start[ph]; k < p.start[ph + 1]; k++) {
                                    int t = base + Float.floatToRawIntBits(s[4 * k + 3]);
                                    assertTrue(t >= 0 && t < rows * cols, "tile index " + t);
                                    assertEquals(p.baseY[i] + p.dj[k], tileY0 + t / cols);
                                    assertEquals(p.baseX[j] + p.di[k], tileX0 + t % cols);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
