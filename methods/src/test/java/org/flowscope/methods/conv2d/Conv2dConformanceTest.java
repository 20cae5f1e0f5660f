package org.flowscope.methods.conv2d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Every conv2d implementation equals the plain-Java reference within {@link Conv2d#tolerance()} on seeded inputs:
 * odd, tiny and non-square sizes, one- and multi-frame stacks, square kernels of every side 1..21 and non-square
 * ones (including kernels larger than the image).
 */
class Conv2dConformanceTest {
    private static final ConformanceKit<Conv2dParams, ImageStack, ImageStack> KIT =
            ConformanceKit.forImageOutput(new Conv2d(), new Conv2dCpu());
    private static CpuDevice cpu;

    @BeforeAll
    static void open() {
        cpu = CpuDevice.withCores(2);
    }

    @AfterAll
    static void close() {
        cpu.close();
    }

    /** Seeded cases: kernel sides 1..21 over a cycle of awkward sizes, plus non-square and oversized kernels. */
    static List<ConformanceKit.Case<Conv2dParams, ImageStack>> cases() {
        int[][] sizes = {{1, 1}, {5, 7}, {17, 33}, {64, 64}, {97, 129}, {300, 3}, {2, 300}, {31, 31}};
        SplittableRandom rnd = new SplittableRandom(20261124);
        List<ConformanceKit.Case<Conv2dParams, ImageStack>> cases = new ArrayList<>();
        for (int k = 1; k <= 21; k++) {
            int[] hw = sizes[k % sizes.length];
            int frames = 1 + k % 3;
            cases.add(new ConformanceKit.Case<>(frames + "x" + hw[0] + "x" + hw[1] + " kernel " + k + "x" + k,
                    kernel(rnd, k, k), image(rnd, frames, hw[0], hw[1])));
        }
        cases.add(new ConformanceKit.Case<>("2x40x50 kernel 3x8", kernel(rnd, 3, 8), image(rnd, 2, 40, 50)));
        cases.add(new ConformanceKit.Case<>("1x23x19 kernel 12x1", kernel(rnd, 12, 1), image(rnd, 1, 23, 19)));
        cases.add(new ConformanceKit.Case<>("1x4x6 kernel 15x9 (larger than the image)", kernel(rnd, 15, 9), image(rnd, 1, 4, 6)));
        return cases;
    }

    /** Positive weights with a random sign on a few, so cancellation is exercised but max|ref| stays meaningful. */
    private static Conv2dParams kernel(SplittableRandom rnd, int kh, int kw) {
        float[] k = new float[kh * kw];
        for (int i = 0; i < k.length; i++) {
            k[i] = (float) (rnd.nextDouble() * (rnd.nextInt(5) == 0 ? -0.5 : 1.0)) / k.length;
        }
        return new Conv2dParams(k, kh, kw);
    }

    private static ImageStack image(SplittableRandom rnd, int frames, int h, int w) {
        float[] px = new float[frames * h * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (100 + 1000 * rnd.nextDouble());
        }
        return new ImageStack(frames, h, w, px);
    }

    @Test
    void threadedEqualsTheReferenceBitForBit() {
        for (var c : cases()) {
            assertArrayEquals(Conv2dCpu.compute(c.params(), c.input()).data(),
                    new Conv2dCpuThreaded().run(c.params(), c.input(), () -> cpu).data(), c.name());
        }
    }

    @Test
    void threadedConformsThroughTheKit() {
        KIT.assertConforms(new Conv2dCpuThreaded(), cpu, cases());
    }

    @Test
    @Tag("gpu")
    void openClConformsOnEveryOpenClDevice() {
        for (OpenClDevice d : TestDevices.openClDevicesOrSkip()) {
            KIT.assertConforms(new Conv2dOpenCl(), d, cases());
        }
    }

    @Test
    @Tag("gpu")
    void cudaConforms() {
        KIT.assertConforms(new Conv2dCuda(), TestDevices.cudaOrSkip(), cases());
    }

    @Test
    void threadedNeedsTheCpuDevice() {
        var c = cases().get(0);
        assertThrows(org.flowscope.engine.spi.BackendUnavailableException.class,
                () -> new Conv2dCpuThreaded().run(c.params(), c.input(), () -> TestDevices.openClOrSkip()));
    }
}
