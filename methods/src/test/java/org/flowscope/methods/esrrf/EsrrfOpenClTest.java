package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The fused OpenCL implementation against the Java reference (PoCL in CI; skipped without OpenCL). */
class EsrrfOpenClTest {

    @TestFactory
    List<DynamicTest> agreesWithTheReferenceOnTheConformanceMatrix() {
        OpenClDevice dev = TestDevices.openClOrSkip();
        assertTrue(new EsrrfOpenCl().availability(dev).available(), new EsrrfOpenCl().availability(dev).reason());
        Tolerance tol = new Esrrf().tolerance();
        return ConformanceCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ImageStack ref = EsrrfCpu.apply(c.params(), c.input());
            ImageStack got = new EsrrfOpenCl().run(c.params(), c.input(), () -> dev);
            assertEquals(ref.frames(), got.frames());
            assertEquals(ref.height(), got.height());
            assertEquals(ref.width(), got.width());
            assertNull(tol.firstViolation(ref.data(), got.data()), c.name());
        })).toList();
    }

    @Test
    void aSecondCallOfTheSameShapeTakesEveryDeviceBufferFromThePool() {
        OpenClDevice dev = TestDevices.openClOrSkip();
        ConformanceCases.Case c = ConformanceCases.all().get(0);
        ImageStack first = new EsrrfOpenCl().run(c.params(), c.input(), () -> dev);
        long allocated = dev.bufferAllocations();
        ImageStack second = new EsrrfOpenCl().run(c.params(), c.input(), () -> dev);
        assertEquals(allocated, dev.bufferAllocations(), "device buffers allocated again for the same shape");
        assertArrayEquals(first.data(), second.data(), "pooled buffers (not cleared) change nothing");
    }
}
