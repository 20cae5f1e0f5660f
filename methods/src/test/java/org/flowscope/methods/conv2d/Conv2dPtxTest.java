package org.flowscope.methods.conv2d;

import java.nio.file.Path;
import org.flowscope.testkit.PtxFreshness;
import org.junit.jupiter.api.Test;

/** The committed conv2d.ptx is what nvcc makes of conv2d.cu today (skipped without nvcc). */
class Conv2dPtxTest {
    @Test
    void committedPtxMatchesTheCudaSource() {
        PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/conv2d/conv2d.cu"));
    }
}
