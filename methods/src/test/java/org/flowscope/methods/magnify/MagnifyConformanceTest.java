package org.flowscope.methods.magnify;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every magnify implementation equals the plain-Java reference within {@link Magnify#tolerance()} on the seeded
 * shape matrix of {@link MagnifyCases}.
 */
class MagnifyConformanceTest {
    private static final ConformanceKit<MagnifyParams, ImageStack, ImageStack> KIT =
            ConformanceKit.forImageOutput(new Magnify(), new MagnifyCpu());
    private static CpuDevice cpu;

    @BeforeAll
    static void open() {
        cpu = CpuDevice.withCores(2);
    }

    @AfterAll
    static void close() {
        cpu.close();
    }

    @Test
    void threadedConformsThroughTheKit() {
        KIT.assertConforms(new MagnifyCpuThreaded(), cpu, MagnifyCases.all());
    }

    @Test
    void threadedConformsWithOneWorkerAndWithMoreBlocksThanFrames() {
        try (CpuDevice one = CpuDevice.withCores(1)) {
            KIT.assertConforms(new MagnifyCpuThreaded(), one, MagnifyCases.all().subList(0, 30));
        }
        try (CpuDevice four = CpuDevice.withCores(4)) {
            KIT.assertConforms(new MagnifyCpuThreaded(), four, MagnifyCases.all().subList(30, 60));
        }
    }

    @Test
    @Tag("gpu")
    void openClConformsOnEveryOpenClDevice() {
        for (OpenClDevice d : TestDevices.openClDevicesOrSkip()) {
            KIT.assertConforms(new MagnifyOpenCl(), d, MagnifyCases.all());
        }
    }

    @Test
    @Tag("gpu")
    void cudaConforms() {
        KIT.assertConforms(new MagnifyCuda(), TestDevices.cudaOrSkip(), MagnifyCases.all());
    }
}
