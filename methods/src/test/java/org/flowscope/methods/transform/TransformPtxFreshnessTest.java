package org.flowscope.methods.transform;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed transform.ptx is what nvcc makes of transform.cu today (skipped without nvcc). */
class TransformPtxFreshnessTest {
    @Test
    void committedPtxMatchesTheCudaSource() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/transform/transform.cu"));
    }
}
