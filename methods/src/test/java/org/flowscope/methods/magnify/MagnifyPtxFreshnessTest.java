package org.flowscope.methods.magnify;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed magnify.ptx is what nvcc makes of magnify.cu today (skipped without nvcc). */
class MagnifyPtxFreshnessTest {
    @Test
    void committedPtxMatchesTheCudaSource() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/magnify/magnify.cu"));
    }
}
