package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/** The fused CUDA implementation against the Java reference (skipped with a message without an NVIDIA driver). */
class EsrrfCudaTest {

    @Test
    void agreesWithTheReferenceOnTheConformanceMatrix() {
        CudaDevice dev = TestDevices.cudaOrSkip();
        Tolerance tol = new Esrrf().tolerance();
        for (ConformanceCases.Case c : ConformanceCases.all()) {
            ImageStack ref = EsrrfCpu.apply(c.params(), c.input());
            ImageStack got = new EsrrfCuda().run(c.params(), c.input(), () -> dev);
            assertEquals(ref.data().length, got.data().length, c.name());
            assertNull(tol.firstViolation(ref.data(), got.data()), c.name());
        }
    }

    @Test
    void aSecondCallOfTheSameShapeTakesEveryDeviceBufferFromThePool() {
        CudaDevice dev = TestDevices.cudaOrSkip();
        ConformanceCases.Case c = ConformanceCases.all().get(0);
        ImageStack first = new EsrrfCuda().run(c.params(), c.input(), () -> dev);
        long allocated = dev.bufferAllocations();
        ImageStack second = new EsrrfCuda().run(c.params(), c.input(), () -> dev);
        assertEquals(allocated, dev.bufferAllocations(), "device buffers allocated again for the same shape");
        assertArrayEquals(first.data(), second.data(), "pooled buffers (not cleared) change nothing");
    }
}
