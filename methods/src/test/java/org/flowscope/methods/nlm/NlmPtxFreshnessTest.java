package org.flowscope.methods.nlm;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed nlm.ptx is what nvcc makes of nlm.cu and its headers today (skipped without nvcc). */
class NlmPtxFreshnessTest {
    @Test
    void committedPtxMatchesTheCudaSourceAndItsHeaders() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/nlm/nlm.cu"));
    }
}
