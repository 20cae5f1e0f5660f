package org.flowscope.methods.esrrf;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.testkit.ConformanceKit;
import org.junit.jupiter.api.Test;

/** Every CPU implementation of streaming eSRRF against the reference on the seeded stream cases. */
class EsrrfStreamConformanceTest {
    private final ConformanceKit<EsrrfStreamParams, EsrrfStreamInput, ImageStack> kit =
            ConformanceKit.forImageOutput(new EsrrfStream(), new EsrrfStreamCpu());

    @Test
    void theThreadedStreamAgreesWithTheReference() {
        try (CpuDevice cpu = CpuDevice.create()) {
            kit.assertConforms(new EsrrfStreamCpuThreaded(), cpu, StreamCases.all());
        }
    }
}
