package org.flowscope.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.engine.spi.DeviceKind;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestDevicesTest {
    @Test
    void cpuHasAllCores() {
        try (var cpu = TestDevices.cpu()) {
            assertEquals(Runtime.getRuntime().availableProcessors(), cpu.cores());
        }
    }

    @Test
    void openClDeviceOrASkipWithTheReason() {
        boolean cl = TestDevices.discovered().backend(DeviceKind.OPENCL).orElseThrow().available();
        try {
            var device = TestDevices.openClOrSkip();
            assertTrue(cl);
            assertTrue(device.globalMemBytes() > 0);
        } catch (TestAbortedException e) {
            assertTrue(!cl && e.getMessage().contains("no OPENCL device"), e.getMessage());
        }
    }

    @Test
    void missingGpuBackendSkipsWithTheDiscoveryReason() {
        boolean cuda = TestDevices.discovered().backend(DeviceKind.CUDA).orElseThrow().available();
        try {
            var device = TestDevices.cudaOrSkip();
            assertTrue(cuda, "returned a CUDA device although discovery found none");
            assertEquals(DeviceKind.CUDA, device.kind());
        } catch (TestAbortedException e) {
            assertTrue(!cuda && e.getMessage().contains("no CUDA device"), e.getMessage());
        }
    }
}
