package org.flowscope.methods.esrrf;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed esrrf.ptx is what nvcc makes of esrrf.cu and its headers today (skipped without nvcc). */
class EsrrfPtxFreshnessTest {

    @Test
    void committedPtxMatchesTheCudaSourceAndItsHeaders() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/esrrf/esrrf.cu"));
    }
}
