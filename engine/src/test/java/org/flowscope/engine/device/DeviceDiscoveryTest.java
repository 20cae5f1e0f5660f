package org.flowscope.engine.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.engine.spi.DeviceKind;
import org.junit.jupiter.api.Test;

class DeviceDiscoveryTest {
    @Test
    void alwaysFindsTheCpuAndExplainsEveryMissingBackend() {
        try (DeviceSet set = DeviceDiscovery.discover(0, true, true)) {
            CpuDevice cpu = set.cpu().orElseThrow();
            assertEquals(Runtime.getRuntime().availableProcessors(), cpu.cores());
            assertEquals(cpu.cores(), cpu.identity().computeUnits());
            assertEquals(3, set.backends().size());
            for (BackendStatus b : set.backends()) {
                assertEquals(b.available(), b.reason().isEmpty(), "a backend without devices needs a reason: " + b);
                assertEquals(b.devices(), set.devices(b.kind()).size());
            }
        }
    }

    @Test
    void disabledBackendsAreUnavailableWithTheReason() {
        try (DeviceSet set = DeviceDiscovery.discover(1, false, false)) {
            assertEquals(1, set.devices().size());
            BackendStatus cl = set.backend(DeviceKind.OPENCL).orElseThrow();
            assertFalse(cl.available());
            assertTrue(cl.reason().contains("disabled"), cl.reason());
            assertEquals(1, set.cpu().orElseThrow().pool().getParallelism());
        }
    }

    @Test
    void nativeLoadingErrorsAreReducedToTheMissingLibrary() {
        String jcudaStyle = "Error while loading native library \"JCudaDriver-12.0.0-linux-x86_64\"\nOperating system name: Linux\n"
                + "Stack trace from the attempt to load the library as a resource:\n"
                + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.0.0-linux-x86_64.so: libcuda.so.1: cannot open shared object file: No such file or directory\n"
                + "\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)";
        assertEquals("libcuda.so.1: cannot open shared object file: No such file or directory",
                DeviceDiscovery.concise(new UnsatisfiedLinkError(jcudaStyle)));
        assertEquals("no platform", DeviceDiscovery.concise(new IllegalStateException("no platform\nmore")));
    }

    @Test
    void cudaWithoutDriverIsReportedNotThrown() {
        try (DeviceSet set = DeviceDiscovery.discover(1, false, true)) {
            BackendStatus cuda = set.backend(DeviceKind.CUDA).orElseThrow();
            if (!cuda.available()) {
                assertTrue(cuda.reason().length() > 10 && !cuda.reason().contains("\n"), cuda.reason());
            } else {
                assertTrue(set.devices(DeviceKind.CUDA).get(0).identity().memoryBytes() > 0);
            }
        }
    }
}
