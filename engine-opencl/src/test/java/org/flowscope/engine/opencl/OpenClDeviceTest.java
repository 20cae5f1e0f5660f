package org.flowscope.engine.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.device.KernelBuild;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.KernelBuildException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenClDeviceTest {
    private static DeviceSet set;
    private static OpenClDevice device;

    @BeforeAll
    static void open() {
        set = DeviceDiscovery.discover(1, true, false);
        var cl = set.devices(DeviceKind.OPENCL);
        Assumptions.assumeFalse(cl.isEmpty(), () -> "skipped: no OpenCL device: " + set.backend(DeviceKind.OPENCL).orElseThrow().reason());
        device = (OpenClDevice) cl.get(0);
    }

    @AfterAll
    static void close() {
        if (set != null) {
            set.close();
        }
    }

    @Test
    void describesTheDevice() {
        assertEquals(DeviceKind.OPENCL, device.identity().kind());
        assertTrue(device.globalMemBytes() > 0 && device.maxAllocBytes() > 0 && device.maxAllocBytes() <= device.globalMemBytes());
        assertTrue(device.identity().computeUnits() > 0);
        assertTrue(!device.identity().model().isBlank() && !device.identity().driver().isBlank());
    }

    @Test
    void identityIsStableAcrossDiscoveries() {
        try (DeviceSet again = DeviceDiscovery.discover(1, true, false)) {
            assertEquals(device.identity(), again.devices(DeviceKind.OPENCL).get(0).identity(),
                    "history keys must not change between runs");
        }
    }

    @Test
    void buildsEachKernelOnceAndRecordsTheBuildTime() {
        var first = device.kernel(ScaleOpenCl.class, "scale.cl", "scale", "-cl-fast-relaxed-math");
        int builds = device.builds().size();
        var second = device.kernel(ScaleOpenCl.class, "scale.cl", "scale", "-cl-fast-relaxed-math");
        assertSame(first, second);
        assertEquals(builds, device.builds().size());
        KernelBuild b = device.builds().stream().filter(x -> x.resource().endsWith("scale.cl")).findFirst().orElseThrow();
        assertTrue(b.nanos() > 0);
        device.kernel(ScaleOpenCl.class, "scale.cl", "scale", "");
        assertEquals(builds + 1, device.builds().size(), "other options are another program");
    }

    @Test
    void runsAKernelThroughTheCachedContext() {
        float[] in = {1, 2, 3, -4, 5};
        float[] out = new ScaleOpenCl().run(2f, in, () -> device);
        assertArrayEquals(new float[] {2, 4, 6, -8, 10}, out);
    }

    @Test
    void reusesReleasedBuffersOfTheSameSizeAndFlags() {
        long before = device.bufferAllocations();
        org.jocl.cl_mem first;
        try (OpenClBuffer b = device.buffer(4096, org.jocl.CL.CL_MEM_READ_WRITE)) {
            first = b.mem();
        }
        try (OpenClBuffer b = device.buffer(4096, org.jocl.CL.CL_MEM_READ_WRITE)) {
            assertSame(first, b.mem());
        }
        assertEquals(before + 1, device.bufferAllocations());
        try (OpenClBuffer b = device.buffer(4096, org.jocl.CL.CL_MEM_READ_ONLY)) {
            assertEquals(before + 2, device.bufferAllocations());
        }
    }

    @Test
    void oversizedBufferFailsBeforeAnyLaunch() {
        var e = assertThrows(org.flowscope.engine.spi.DeviceMemoryException.class,
                () -> device.buffer(device.maxAllocBytes() + 1, org.jocl.CL.CL_MEM_READ_WRITE));
        assertEquals(device.maxAllocBytes(), e.availableBytes());
    }

    @Test
    void failedBuildCarriesTheBuildLog() {
        var e = assertThrows(KernelBuildException.class, () -> device.kernel(ScaleOpenCl.class, "broken.cl", "broken", ""));
        assertTrue(e.buildLog().contains("undefined_symbol"), e.buildLog());
    }

    @Test
    void missingResourceIsAKernelBuildFailureNamingIt() {
        var e = assertThrows(KernelBuildException.class, () -> device.kernel(ScaleOpenCl.class, "nope.cl", "x", ""));
        assertTrue(e.getMessage().contains("nope.cl"), e.getMessage());
    }
}
