package org.flowscope.methods.srrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every SRRF implementation equals the plain-Java reference within {@link Srrf#tolerance()} on {@link SrrfCases}. */
class SrrfConformanceTest {
    private static final ConformanceKit<SrrfParams, ImageStack, ImageStack> KIT =
            ConformanceKit.forImageOutput(new Srrf(), new SrrfCpu());
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
    void threadedConformsOnTheWholeMatrix() {
        KIT.assertConforms(new SrrfCpuThreaded(), cpu, SrrfCases.all());
    }

    @Test
    void threadedGivesTheSameResultWhateverTheNumberOfThreads() {
        var c = SrrfCases.all().get(17);
        try (CpuDevice one = CpuDevice.withCores(1)) {
            assertArrayEquals(new SrrfCpuThreaded().run(c.params(), c.input(), () -> one).data(),
                    new SrrfCpuThreaded().run(c.params(), c.input(), () -> cpu).data());
        }
    }

    @Test
    @Tag("gpu")
    void openClConformsOnEveryOpenClDevice() {
        for (OpenClDevice d : TestDevices.openClDevicesOrSkip()) {
            KIT.assertConforms(new SrrfOpenCl(), d, SrrfCases.all());
        }
    }

    @Test
    @Tag("gpu")
    void cudaConforms() {
        KIT.assertConforms(new SrrfCuda(), TestDevices.cudaOrSkip(), SrrfCases.all());
    }

    @Test
    void threadedNeedsTheCpuDevice() {
        var c = SrrfCases.all().get(0);
        assertThrows(BackendUnavailableException.class,
                () -> new SrrfCpuThreaded().run(c.params(), c.input(), () -> TestDevices.openClOrSkip()));
    }
}
