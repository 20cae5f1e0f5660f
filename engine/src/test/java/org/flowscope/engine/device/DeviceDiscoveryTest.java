package org.flowscope.engine.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.engine.fixtures.CountingBackendProvider;
import org.flowscope.engine.natives.NativeErrors;
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
    void aBackendWhoseModuleIsAbsentIsReportedAsNotOnTheClassPathWithWhatToAdd() {
        // the engine's tests have no CUDA backend module (only the counting OpenCL stand-in)
        try (DeviceSet set = DeviceDiscovery.discover(1, true, true)) {
            BackendStatus cuda = set.backend(DeviceKind.CUDA).orElseThrow();
            assertFalse(cuda.available());
            assertEquals("CUDA backend not on the class path", cuda.reason());
            assertTrue(cuda.remedy().contains("engine-cuda"), cuda.remedy());
            BackendStatus cl = set.backend(DeviceKind.OPENCL).orElseThrow();
            assertEquals(CountingBackendProvider.REASON, cl.reason());
            assertEquals("nothing to install", cl.remedy());
        }
    }

    @Test
    void aLazySetProbesABackendOnlyWhenADeviceOfItsKindIsWanted() {
        int before = CountingBackendProvider.PROBES.get();
        try (DeviceSet set = DeviceDiscovery.lazy(1, true, true)) {
            assertEquals(1, set.devices(DeviceKind.CPU).size());
            assertTrue(set.cpu().isPresent());
            assertFalse(set.probed(DeviceKind.OPENCL));
            assertEquals(before, CountingBackendProvider.PROBES.get(), "CPU devices need no GPU probe");
            assertTrue(set.devices(DeviceKind.OPENCL).isEmpty());
            assertTrue(set.devices(DeviceKind.OPENCL).isEmpty());
            assertTrue(set.probed(DeviceKind.OPENCL));
            assertEquals(before + 1, CountingBackendProvider.PROBES.get(), "probed once, then remembered");
        }
    }

    @Test
    void aClosedLazySetProbesNothingMore() {
        int before = CountingBackendProvider.PROBES.get();
        DeviceSet set = DeviceDiscovery.lazy(1, true, true);
        set.close();
        assertTrue(set.backend(DeviceKind.OPENCL).orElseThrow().reason().contains("closed"));
        assertEquals(before, CountingBackendProvider.PROBES.get());
    }

    @Test
    void nativeLoadingErrorsAreReducedToTheMissingLibrary() {
        String jcudaStyle = "Error while loading native library \"JCudaDriver-12.0.0-linux-x86_64\"\nOperating system name: Linux\n"
                + "Stack trace from the attempt to load the library as a resource:\n"
                + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.0.0-linux-x86_64.so: libcuda.so.1: cannot open shared object file: No such file or directory\n"
                + "\tat java.base/jdk.internal.loader.NativeLibraries.load(Native Method)";
        assertEquals("libcuda.so.1: cannot open shared object file: No such file or directory",
                NativeErrors.concise(new UnsatisfiedLinkError(jcudaStyle)));
        assertEquals("no platform", NativeErrors.concise(new IllegalStateException("no platform\nmore")));
        assertEquals("class org.jocl.CL not found", NativeErrors.concise(new NoClassDefFoundError("org/jocl/CL")));
    }
}
