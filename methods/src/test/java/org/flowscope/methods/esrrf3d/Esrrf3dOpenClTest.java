package org.flowscope.methods.esrrf3d;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/** The fused OpenCL implementation against the Java reference (PoCL in CI; skipped without OpenCL). */
class Esrrf3dOpenClTest {

    @Test
    void agreesWithTheReferenceOnTheConformanceMatrix() {
        OpenClDevice dev = TestDevices.openClOrSkip();
        assertTrue(new Esrrf3dOpenCl().availability(dev).available(), new Esrrf3dOpenCl().availability(dev).reason());
        Esrrf3dCpuThreadedTest.kit().assertConforms(new Esrrf3dOpenCl(), dev, Esrrf3dConformanceCases.all());
    }

    @Test
    void splitsATimePointIntoChunksWithoutChangingTheResult() {
        OpenClDevice dev = TestDevices.openClOrSkip();
        Esrrf3dPlan plan = new Esrrf3dPlan(Esrrf3dParams.defaults(), 3, 8, 8);
        // a device budget of two frames: 5 frames run as chunks of 2, 2, 1 and must sum as one
        long budget = (long) ((Esrrf3dChunks.fixedBytes(plan) + 2 * Esrrf3dChunks.bytesPerFrame(plan) + 1)
                / Esrrf3dChunks.MEMORY_SHARE) + 1;
        assertTrue(Esrrf3dChunks.framesPerChunk(plan, 5, budget, Long.MAX_VALUE) == 2);
        VolumeStack in = BlinkingVolumes.generate(5, 3, 8, 8, 11);
        Esrrf3dCpuThreadedTest.kit().assertConforms(new Esrrf3dOpenCl(), dev, java.util.List.of(
                new org.flowscope.testkit.ConformanceKit.Case<>("5 frames, STD", Esrrf3dParams.defaults()
                        .withTemporal(TemporalMode.STD), in)));
    }
}
