package org.flowscope.methods.gpu;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each committed PTX of the single-source spectral kernels is what nvcc makes of its .cu today (skipped without nvcc). */
class GpuPtxFreshnessTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gpu/fft.cu", "decorr/decorr.cu", "frc/frc.cu", "crosscorrelation/ccm.cu"})
    void committedPtxMatchesTheKernelSource(String cu) {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods").resolve(cu));
    }
}
