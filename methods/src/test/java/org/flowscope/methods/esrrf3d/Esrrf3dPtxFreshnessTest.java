package org.flowscope.methods.esrrf3d;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed esrrf3d.ptx is what nvcc makes of esrrf3d.cu and its headers today (skipped without nvcc). */
class Esrrf3dPtxFreshnessTest {

    @Test
    void committedPtxMatchesTheCudaSourceAndItsHeaders() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/esrrf3d/esrrf3d.cu"));
    }
}
