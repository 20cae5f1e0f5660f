package org.flowscope.methods.esrrf;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.testkit.ConformanceKit;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every CPU implementation of streaming eSRRF against the reference on the seeded stream cases. */
class EsrrfStreamConformanceTest {
    private final ConformanceKit<EsrrfStreamParams, EsrrfStreamInput, ImageStack> kit =
            ConformanceKit.forImageOutput(new EsrrfStream(), new EsrrfStreamCpu());

    @Test
    void theVectorisedStreamAgreesWithTheReference() {
        assertTrue(new EsrrfStreamCpuSimd().availability(null).available(),
                "the tests run with --add-modules jdk.incubator.vector (methods/pom.xml)");
        try (CpuDevice cpu = CpuDevice.create()) {
            kit.assertConforms(new EsrrfStreamCpuSimd(), cpu, StreamCases.all());
        }
    }

    @Test
    void theThreadedStreamAgreesWithTheReference() {
        try (CpuDevice cpu = CpuDevice.create()) {
            kit.assertConforms(new EsrrfStreamCpuThreaded(), cpu, StreamCases.all());
        }
    }
}
