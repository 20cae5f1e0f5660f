package org.flowscope.methods.esrrfsweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/**
 * The sweep on an OpenCL device (PoCL here and on CI) through one engine: what NanoJ-eSRRF's sweep got wrong (a new
 * OpenCL context per combination, GPU memory running out) cannot happen here, and the engine-driven sweep agrees with
 * the sweep's plain-Java reference.
 */
class SweepOnOpenClTest {
    @Test
    void aSweepOnOpenClKeepsOneContextBuildsKernelsOnceReusesPooledBuffersAndMatchesTheReference() {
        OpenClDevice ocl = TestDevices.openClOrSkip();
        ImageStack stack = BlinkingEmitters.stack(12, 24, 2.5, 20, 0.3, 200, 50, 5);
        EsrrfSweepParams p = new EsrrfSweepParams(List.of(1f, 2f), List.of(1f, 2f), List.of(), EsrrfParams.defaults()
                .withMagnification(3), ResolutionMetric.FRC, Double.NaN);
        try (Engine engine = Engine.create(EngineConfig.inMemory().withDevices(TestDevices.discovered()))) {
            DeviceLedger ledger = new DeviceLedger(engine.devices());
            EngineSteps steps = new EngineSteps(engine, RunOptions.deviceKind(DeviceKind.OPENCL).onDevice(name(ocl)));
            SweepResult onGpu = SweepDriver.run(p, stack, steps, (i, total, cell) -> {
                if (i == 0) {
                    ledger.snapshot(1);
                }
            });
            ledger.snapshot(2);

            Map<String, EngineSteps.Usage> usage = steps.usage();
            String label = ocl.identity().label();
            assertEquals(4 * 1, usage.get("esrrf.opencl@" + label).calls(), usage.toString()); // one call per block (AVG)
            assertEquals(4, usage.get("frc.opencl@" + label).calls(), usage.toString());
            DeviceLedger.GpuUse use = ledger.uses(engine.devices()).stream().filter(u -> u.device().equals(label))
                    .findFirst().orElseThrow();
            assertTrue(use.sameContext(), "the engine kept the device object (and its context) for the whole sweep");
            assertEquals(use.kernelBuilds()[1], use.kernelBuilds()[2], "kernels built again after the first combination: "
                    + java.util.Arrays.toString(use.kernelBuilds()));
            assertEquals(use.bufferAllocations()[1], use.bufferAllocations()[2], "pooled buffers allocated again after the "
                    + "first combination: " + java.util.Arrays.toString(use.bufferAllocations()));
            assertTrue(use.bufferAllocations()[1] > use.bufferAllocations()[0] || use.bufferAllocations()[0] > 0,
                    "the FRC on the device takes its buffers from the pool");

            SweepResult reference;
            try (CpuDevice cpu = CpuDevice.withCores(1)) {
                reference = new EsrrfSweepCpu().run(p, stack, () -> cpu);
            }
            assertNull(new EsrrfSweep().tolerance().firstViolation(EsrrfSweep.values(reference), EsrrfSweep.values(onGpu)));
            assertEquals(reference.best(), onGpu.best());
        }
    }

    /** The device's model name, to keep the sweep on this one OpenCL device when there are several. */
    private static String name(OpenClDevice d) {
        return d.identity().model();
    }
}
