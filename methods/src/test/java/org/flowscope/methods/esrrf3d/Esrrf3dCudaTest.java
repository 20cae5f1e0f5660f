package org.flowscope.methods.esrrf3d;

import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/** The fused CUDA implementation against the Java reference (skipped with a message without an NVIDIA driver). */
class Esrrf3dCudaTest {

    @Test
    void agreesWithTheReferenceOnTheConformanceMatrix() {
        CudaDevice dev = TestDevices.cudaOrSkip();
        Esrrf3dCpuThreadedTest.kit().assertConforms(new Esrrf3dCuda(), dev, Esrrf3dConformanceCases.all());
    }
}
