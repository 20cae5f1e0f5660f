package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.engine.spi.DeviceMemoryException;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
    private static final DeviceTables T = new DeviceTables(new EsrrfPlan(EsrrfParams.defaults(), 1024, 1024));

    @Test
    void takesTheWholeWindowWhenTheDeviceHasRoom() {
        assertEquals(100, ChunkPlanner.framesPerChunk(T, TemporalCorrelation.AVG, 100, 80L << 30, 20L << 30));
    }

    @Test
    void splitsTheWindowToFitDeviceMemory() {
        int n = ChunkPlanner.framesPerChunk(T, TemporalCorrelation.VAR, 100, 2L << 30, 1L << 30);
        long used = T.fixedBytes(TemporalCorrelation.VAR) + n * T.bytesPerFrame();
        assertTrue(n >= 1 && n < 100, "chunk " + n);
        assertTrue(used <= 0.6 * (2L << 30), "uses " + used);
        assertTrue((long) n * 8 * T.latticePoints() <= 1L << 30);
    }

    @Test
    void refusesBeforeLaunchWhenNotEvenOneFrameFits() {
        var e = assertThrows(DeviceMemoryException.class,
                () -> ChunkPlanner.framesPerChunk(T, TemporalCorrelation.TAC2, 100, 256L << 20, 64L << 20));
        assertTrue(e.requestedBytes() > e.availableBytes());
    }
}
