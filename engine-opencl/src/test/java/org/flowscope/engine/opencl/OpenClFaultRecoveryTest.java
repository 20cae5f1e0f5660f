package org.flowscope.engine.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.history.FailureKind;
import org.flowscope.engine.history.FailureRecord;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.DeviceKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real failing OpenCL kernel build (PoCL in CI), survived by the engine like the injected faults of FaultRecoveryTest. */
class OpenClFaultRecoveryTest {
    @TempDir
    Path store;

    private static float[] window(int i) {
        float[] w = new float[16];
        Arrays.fill(w, i);
        return w;
    }

    private Engine engine() {
        return Engine.create(EngineConfig.forTests(store).withCuda(false).withPriors(false)
                .withRegistry(ImplementationRegistry.ofImplementations(List.of(new BrokenKernelOpenCl(), new TestScale.Reference()))));
    }

    @Test
    void aFailingOpenClKernelBuildIsRecomputedAndRememberedWithItsBuildLog() {
        try (Engine engine = engine()) {
            Assumptions.assumeTrue(engine.devices().stream().anyMatch(d -> d.kind() == DeviceKind.OPENCL),
                    () -> "skipped: no OpenCL device: " + engine.backends());
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(window(2 * i), engine.run(new TestScale(), 2f, window(i)), "window " + i);
            }
            assertEquals(1, engine.activity().recoveredCalls(), "the build is tried once, then left alone");
            FailureRecord f = engine.failures().get(0);
            assertEquals(FailureKind.KERNEL_BUILD, f.kind());
            assertEquals(DeviceKind.OPENCL, f.device().kind());
            assertTrue(f.error().contains("undefined_symbol"), "the build log is kept: " + f.error());
        }
        try (Engine next = engine()) {
            assertEquals(FailureKind.KERNEL_BUILD, next.failures().get(0).kind(), "persisted for the next engine");
        }
    }
}
