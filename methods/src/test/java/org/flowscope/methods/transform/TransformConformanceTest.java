package org.flowscope.methods.transform;

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
 * Every transform implementation equals the plain-Java reference within {@link Transform#tolerance()} on the seeded
 * shape matrix of {@link TransformCases}.
 */
class TransformConformanceTest {
    private static final ConformanceKit<TransformParams, ImageStack, ImageStack> KIT =
            ConformanceKit.forImageOutput(new Transform(), new TransformCpu());
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
        KIT.assertConforms(new TransformCpuThreaded(), cpu, TransformCases.all());
    }

    @Test
    @Tag("gpu")
    void openClConformsOnEveryOpenClDevice() {
        for (OpenClDevice d : TestDevices.openClDevicesOrSkip()) {
            KIT.assertConforms(new TransformOpenCl(), d, TransformCases.all());
        }
    }

    @Test
    @Tag("gpu")
    void cudaConforms() {
        KIT.assertConforms(new TransformCuda(), TestDevices.cudaOrSkip(), TransformCases.all());
    }
}
