package org.flowscope.methods.esrrf;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed PTX files are what nvcc makes of their .cu sources and headers today (skipped without nvcc). */
class EsrrfPtxFreshnessTest {

    @Test
    void committedPtxMatchesTheCudaSourceAndItsHeaders() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/esrrf/esrrf.cu"));
    }

    @Test
    void committedStreamPtxMatchesItsCudaSourceAndHeaders() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/esrrf/esrrf_stream.cu"));
    }
}
