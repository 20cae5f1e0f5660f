package org.flowscope.methods.esrrf3d;

import org.flowscope.engine.device.CpuDevice;
import org.flowscope.testkit.ConformanceKit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The threaded implementation against the Java reference on the conformance matrix. */
class Esrrf3dCpuThreadedTest {

    static ConformanceKit<Esrrf3dParams, VolumeStack, VolumeStack> kit() {
        return ConformanceKit.of(new Esrrf3d(), new Esrrf3dCpu(), VolumeStack::data);
    }

    @Test
    void everyConformanceCaseHasSignalSoThatAgreementMeansSomething() {
        for (var c : Esrrf3dConformanceCases.all()) {
            float max = 0;
            int nan = 0;
            for (float v : Esrrf3dCpu.apply(c.params(), c.input()).data()) {
                if (Float.isNaN(v)) {
                    nan++;
                } else {
                    max = Math.max(max, v);
                }
            }
            assertTrue(max > 0, c.name() + ": all zero");
            if (c.params().geometry() == Geometry.CENTRED) {
                assertEquals(0, nan, c.name() + ": NaN in the centred geometry");
            } else if (c.name().contains("empty windows")) {
                assertTrue(nan > 0, c.name() + ": no NaN");
            }
        }
    }

    @Test
    void agreesWithTheReferenceOnTheConformanceMatrix() {
        try (CpuDevice cpu = CpuDevice.create()) {
            kit().assertConforms(new Esrrf3dCpuThreaded(), cpu, Esrrf3dConformanceCases.all());
        }
    }
}
