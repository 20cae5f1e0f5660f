package org.flowscope.methods.esrrf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/** Every experimental RGC kernel agrees with the Java reference (skipped with a message without an NVIDIA driver). */
class ExperimentalRgcCudaTest {

    @Test
    void everyKernelAgreesWithTheReferenceInBothGeometriesAndEveryStatistic() {
        CudaDevice dev = TestDevices.cudaOrSkip();
        Tolerance tol = new Esrrf().tolerance();
        for (Geometry g : Geometry.values()) {
            for (TemporalCorrelation stat : TemporalCorrelation.values()) {
                EsrrfParams p = EsrrfParams.defaults().withGeometry(g).withTemporal(stat);
                ImageStack in = SyntheticFrames.blinking(7, 37, 45, 11);
                ImageStack ref = EsrrfCpu.apply(p, in);
                for (ExperimentalRgc.Kernel k : ExperimentalRgc.Kernel.values()) {
                    ImageStack got = ExperimentalRgc.implementation(k, null).run(p, in, () -> dev);
                    String at = k + " " + g + " " + stat;
                    assertEquals(ref.data().length, got.data().length, at);
                    assertNull(tol.firstViolation(ref.data(), got.data()), at);
                }
            }
        }
    }
}
