package org.flowscope.methods.nlmfast;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed nlm_fast.ptx is what nvcc makes of nlm_fast.cu and its headers today (skipped without nvcc). */
class NlmFastPtxFreshnessTest {
    @Test
    void committedPtxMatchesTheCudaSourceAndItsHeaders() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/nlmfast/nlm_fast.cu"));
    }
}
