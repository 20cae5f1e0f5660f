package org.flowscope.methods.esrrf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowscope.testkit.KernelSignatures;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The experimental kernels' source, its committed PTX and the records their arguments are bound from agree. */
class ExperimentalRgcKernelsTest {
    private static final Path CU = Path.of("src/main/resources/org/flowscope/methods/esrrf/esrrf_experimental.cu");
    /** esrrf_device.h and the header it includes, in methods. */
    private static final Path METHODS_ESRRF = Path.of("../methods/src/main/resources/org/flowscope/methods/esrrf");

    @Test
    void everyExperimentalKernelMatchesItsArgumentRecord() {
        KernelSignatures.assertBindings(CU, Map.of("esrrf_rgc_by_pixel", ExperimentalRgc.ByPixel.class,
                "esrrf_rgc_tiled", ExperimentalRgc.Tiled.class));
    }

    @Test
    void theByPixelKernelTakesTheProductKernelsArguments() {
        KernelSignatures.assertMatches(CU, "esrrf_rgc_by_pixel", EsrrfKernels.Rgc.class);
    }

    @Test
    void committedPtxMatchesTheSourceAndTheMethodsHeaders() {
        PtxFreshness.assertFresh(CU, List.of(METHODS_ESRRF));
    }
}
