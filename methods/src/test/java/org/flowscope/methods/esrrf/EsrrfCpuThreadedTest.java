package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Tolerance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EsrrfCpuThreadedTest {
    private static final ForkJoinPool POOL = new ForkJoinPool(2);

    @AfterAll
    static void shutdown() {
        POOL.shutdown();
    }

    @TestFactory
    List<DynamicTest> agreesWithTheReferenceOnTheConformanceMatrix() {
        Tolerance tol = new Esrrf().tolerance();
        return ConformanceCases.all().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ImageStack ref = EsrrfCpu.apply(c.params(), c.input());
            ImageStack got = EsrrfCpuThreaded.apply(c.params(), c.input(), POOL);
            assertEquals(ref.frames(), got.frames());
            assertEquals(ref.height(), got.height());
            assertEquals(ref.width(), got.width());
            assertNull(tol.firstViolation(ref.data(), got.data()), c.name());
        })).toList();
    }
}
