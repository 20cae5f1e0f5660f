package org.flowscope.methods.srrf;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed srrf.ptx is what nvcc makes of srrf.cu and its headers today (skipped without nvcc). */
class SrrfPtxFreshnessTest {

    @Test
    void committedPtxMatchesTheCudaSourceAndItsHeaders() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/srrf/srrf.cu"));
    }
}
