package org.flowscope.methods.magnifyfourier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.methods.gpu.Gpu;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.KernelSignatures;
import org.flowscope.testkit.PtxFreshness;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The device implementations of {@link MagnifyFourier} against the reference (PoCL here; CUDA skipped without a
 * driver), and their kernels against their argument records and the committed PTX.
 */
class MagnifyFourierGpuTest {
    private static final Path DIR = Path.of("src/main/resources/org/flowscope/methods/magnifyfourier");
    private static final ConformanceKit<MagnifyFourierParams, ImageStack, ImageStack> KIT =
            ConformanceKit.forImageOutput(new MagnifyFourier(), new MagnifyFourierCpu());

    /** Both geometries, M 1..5 and 10, odd and tiny sizes, one to three frames, one frame tiled (300 rows). */
    static List<ConformanceKit.Case<MagnifyFourierParams, ImageStack>> cases() {
        MagnifyFourier op = new MagnifyFourier();
        int[][] sizes = {{1, 1}, {7, 5}, {17, 33}, {16, 16}, {2, 9}, {20, 300}};
        int[] ks = {1, 2, 3, 5, 10, 11, 12, 13, 15, 20, 4, 14};
        List<ConformanceKit.Case<MagnifyFourierParams, ImageStack>> cases = new ArrayList<>();
        for (int i = 0; i < ks.length; i++) {
            int[] wh = sizes[i % sizes.length];
            int k = wh[1] == 300 ? (ks[i] > 10 ? 12 : 2) : ks[i];
            var c = op.benchmarkCase(new BenchmarkInputs.Spec(wh[0], wh[1], 1 + i % 3, k), 31L + i);
            cases.add(new ConformanceKit.Case<>(c.label(), c.params(), c.input()));
        }
        return cases;
    }

    @Test
    @Tag("gpu")
    void openClConformsOnEveryOpenClDeviceWithDoublePrecision() {
        int checked = 0;
        for (OpenClDevice d : TestDevices.openClDevicesOrSkip()) {
            if (Gpu.doublePrecision(d)) {
                KIT.assertConforms(new MagnifyFourierOpenCl(), d, cases());
                checked++;
            }
        }
        Assumptions.assumeTrue(checked > 0, "skipped: no OpenCL device with cl_khr_fp64");
    }

    @Test
    @Tag("gpu")
    void cudaConforms() {
        KIT.assertConforms(new MagnifyFourierCuda(), TestDevices.cudaOrSkip(), cases());
    }

    @Test
    void bothKernelSourcesMatchTheirArgumentRecords() {
        Map<String, Class<? extends Record>> bindings = Map.of("fm_zero", FourierKernels.Zero.class,
                "fm_place_nanopyx", FourierKernels.PlaceNanopyx.class, "fm_place_centred", FourierKernels.PlaceCentred.class,
                "fm_real", FourierKernels.Real.class);
        for (String source : new String[] {"magnify_fourier.cl", "magnify_fourier.cu"}) {
            KernelSignatures.assertBindings(DIR.resolve(source), bindings);
        }
    }

    @Test
    void committedPtxMatchesTheCudaSource() {
        PtxFreshness.assertFresh(DIR.resolve("magnify_fourier.cu"));
    }
}
