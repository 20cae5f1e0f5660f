package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.ConformanceKit;
import org.junit.jupiter.api.Test;

/** Every CPU implementation of streaming eSRRF, with both sample loops, against the reference on the stream cases. */
class EsrrfStreamConformanceTest {
    private final ConformanceKit<EsrrfStreamParams, EsrrfStreamInput, ImageStack> kit =
            ConformanceKit.forImageOutput(new EsrrfStream(), new EsrrfStreamCpu());

    @Test
    void theThreadedStreamAgreesWithTheReference() {
        // the tests run with --add-modules jdk.incubator.vector (methods/pom.xml): this is the vectorised loop
        assertSame(EsrrfSimdLoop.INSTANCE, SampleLoop.best());
        try (CpuDevice cpu = CpuDevice.create()) {
            kit.assertConforms(new EsrrfStreamCpuThreaded(), cpu, StreamCases.all());
        }
    }

    @Test
    void theThreadedStreamAgreesWithTheReferenceOnTheCommandsMatrixAndOnDriftingStrips() {
        try (CpuDevice cpu = CpuDevice.create()) {
            kit.assertConforms(new EsrrfStreamCpuThreaded(), cpu, StreamCases.commandMatrix());
            kit.assertConforms(new EsrrfStreamCpuThreaded(), cpu, StreamCases.strips());
        }
    }

    @Test
    void theThreadedStreamWithThePlainLoopAgreesWithTheReference() {
        Tolerance tol = new EsrrfStream().tolerance();
        try (CpuDevice cpu = CpuDevice.create()) {
            for (var c : StreamCases.all()) {
                ImageStack f = c.input().frames();
                ImageStack expected = EsrrfStreamCpu.apply(c.params(), c.input());
                ImageStack got = EsrrfStreamer.offline(c.params(), c.input(),
                        EsrrfStreamCpuThreaded.open(c.params(), f.height(), f.width(), cpu.pool(), SampleLoop.SCALAR),
                        "plain loop");
                assertNull(tol.firstViolation(expected.data(), got.data()), c.name());
            }
        }
    }
}
