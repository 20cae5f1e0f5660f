package org.flowscope.methods.nlm;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
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

/**
 * Every classic NLM implementation equals the plain-Java reference within {@link Nlm#tolerance()} (1e-5 of the largest
 * value) on seeded inputs: odd and thin sizes, one- and multi-frame stacks, a patch as large as the image, a search
 * window larger than the image, noise variance on and off, grey levels around 0 and around 1000.
 */
class NlmConformanceTest {
    private static final ConformanceKit<NlmParams, ImageStack, ImageStack> KIT =
            ConformanceKit.forImageOutput(new Nlm(), new NlmCpu());
    private static CpuDevice cpu;

    @BeforeAll
    static void open() {
        cpu = CpuDevice.withCores(2);
    }

    @AfterAll
    static void close() {
        cpu.close();
    }

    /** Seeded cases; the names say what each exercises. */
    static List<ConformanceKit.Case<NlmParams, ImageStack>> cases() {
        List<ConformanceKit.Case<NlmParams, ImageStack>> cases = new ArrayList<>();
        cases.add(new ConformanceKit.Case<>("1x5x7 patch 3 distance 2 (tiny, odd)", new NlmParams(3, 2, 0.1f, 0f),
                NlmScenes.noisyPiecewise(1, 5, 7, 11)));
        cases.add(new ConformanceKit.Case<>("2x17x33 patch 5 distance 4 sigma 0.1", new NlmParams(5, 4, 0.1f, 0.1f),
                NlmScenes.noisyPiecewise(2, 17, 33, 12)));
        cases.add(new ConformanceKit.Case<>("1x9x9 patch 9 (the whole image) distance 3", new NlmParams(9, 3, 0.15f, 0f),
                NlmScenes.noisyPiecewise(1, 9, 9, 13)));
        cases.add(new ConformanceKit.Case<>("1x13x11 patch 3 distance 20 (window past every border)",
                new NlmParams(3, 20, 0.1f, 0.05f), NlmScenes.noisyPiecewise(1, 13, 11, 14)));
        cases.add(new ConformanceKit.Case<>("3x3x41 patch 3 distance 5 (three rows)", new NlmParams(3, 5, 0.2f, 0f),
                NlmScenes.noisyPiecewise(3, 3, 41, 15)));
        cases.add(new ConformanceKit.Case<>("1x37x29 patch 7 distance 11 (NanoPyx defaults)", new NlmParams(7, 11, 0.1f, 0f),
                NlmScenes.noisyPiecewise(1, 37, 29, 16)));
        cases.add(new ConformanceKit.Case<>("2x24x20 grey levels near 1000, h 10, sigma 5", new NlmParams(5, 6, 10f, 5f),
                scaled(NlmScenes.noisyPiecewise(2, 24, 20, 17), 100f, 1000f)));
        return cases;
    }

    static ImageStack scaled(ImageStack in, float gain, float offset) {
        float[] px = in.data().clone();
        for (int i = 0; i < px.length; i++) {
            px[i] = offset + gain * px[i];
        }
        return new ImageStack(in.frames(), in.height(), in.width(), px);
    }

    @Test
    void threadedConformsThroughTheKit() {
        KIT.assertConforms(new NlmCpuThreaded(), cpu, cases());
    }

    @Test
    void threadedOnOneWorkerConformsToo() {
        try (CpuDevice one = CpuDevice.withCores(1)) {
            KIT.assertConforms(new NlmCpuThreaded(), one, cases());
        }
    }

    @Test
    @Tag("gpu")
    void openClConformsOnEveryOpenClDevice() {
        for (OpenClDevice d : TestDevices.openClDevicesOrSkip()) {
            KIT.assertConforms(new NlmOpenCl(), d, cases());
        }
    }

    @Test
    @Tag("gpu")
    void cudaConforms() {
        KIT.assertConforms(new NlmCuda(), TestDevices.cudaOrSkip(), cases());
    }

    @Test
    void threadedNeedsTheCpuDevice() {
        var c = cases().get(0);
        assertThrows(BackendUnavailableException.class,
                () -> new NlmCpuThreaded().run(c.params(), c.input(), () -> TestDevices.openClOrSkip()));
    }
}
