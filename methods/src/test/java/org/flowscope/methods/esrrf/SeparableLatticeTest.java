package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;
import org.junit.jupiter.api.Test;

class SeparableLatticeTest {
    @Test
    void theSeparablePassesGiveTheReferenceLatticeBitForBitInBothGeometriesAndWithShifts() {
        ImageStack f = Emitters.blinkingStack(1, 13, 11, 5);
        for (Geometry g : Geometry.values()) {
            for (FrameShift s : new FrameShift[] {FrameShift.ZERO, new FrameShift(0.37f, -1.6f), new FrameShift(-2.5f, 0.75f)}) {
                int m = 3;
                float[][] rc = Lattice.roberts(g, f.data(), 0, 13, 11);
                int n = 27 * 23;
                float[] ex = new float[n];
                float[] ey = new float[n];
                Lattice.latticeRows(g, rc[0], rc[1], 13, 11, m, s, 0, 27, ex, ey);
                SeparableLattice sep = new SeparableLattice(g, 13, 11, m);
                sep.shift(s);
                float[] gx = new float[n];
                float[] gy = new float[n];
                sep.rows(rc[0], rc[1], 0, 27, new double[sep.gridColumns()], new double[sep.gridColumns()], gx, gy);
                assertArrayEquals(ex, gx, g + " " + s);
                assertArrayEquals(ey, gy, g + " " + s);
            }
        }
    }
}
