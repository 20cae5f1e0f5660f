package org.flowscope.methods.esrrf;

import org.flowscope.methods.numerics.scenes.SyntheticFrames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/** Streaming eSRRF on CUDA against the reference (skipped with the reason where there is no NVIDIA driver). */
class EsrrfStreamCudaTest {
    @Test
    void theCudaStreamAgreesWithTheReferenceOnTheStreamCases() {
        CudaDevice dev = TestDevices.cudaOrSkip();
        ConformanceKit.forImageOutput(new EsrrfStream(), new EsrrfStreamCpu())
                .assertConforms(new EsrrfStreamCuda(), dev, StreamCases.all());
    }

    /**
     * The command's matrix (the GPU host's conformance step) and drifting strips: tall frames, where the sub-pixel
     * shift is added to positions of hundreds of pixels.
     */
    @Test
    void theCudaStreamAgreesWithTheReferenceOnTheCommandsMatrixAndOnDriftingStrips() {
        CudaDevice dev = TestDevices.cudaOrSkip();
        var kit = ConformanceKit.forImageOutput(new EsrrfStream(), new EsrrfStreamCpu());
        kit.assertConforms(new EsrrfStreamCuda(), dev, StreamCases.commandMatrix());
        kit.assertConforms(new EsrrfStreamCuda(), dev, StreamCases.strips());
    }

    @Test
    void sixteenBitFramesGoToTheGpuAsTheyAreAndAreConvertedThere() {
        CudaDevice dev = TestDevices.cudaOrSkip();
        ImageStack in = SyntheticFrames.denseBlinking(12, 11, 13, 21);
        float[] data = in.data().clone();
        short[][] raw = new short[12][11 * 13];
        for (int f = 0; f < 12; f++) {
            for (int p = 0; p < 11 * 13; p++) {
                int v = Math.min(65535, Math.round(data[f * 143 + p] * 20 + 100));
                raw[f][p] = (short) v;
                data[f * 143 + p] = v;
            }
        }
        EsrrfStreamInput input = StreamCases.drifting(new ImageStack(12, 11, 13, data), 9);
        Tolerance tol = new EsrrfStream().tolerance();
        for (TemporalCorrelation stat : TemporalCorrelation.values()) {
            EsrrfStreamParams p = new EsrrfStreamParams(EsrrfParams.defaults().withMagnification(4).withTemporal(stat)
                    .withMacroPixelCorrection(stat != TemporalCorrelation.TAC2), 6, 3);
            ImageStack expected = EsrrfStreamCpu.apply(p, input);
            EsrrfSession session = new EsrrfStreamCuda().open(p, 11, 13, PixelType.U16, () -> dev);
            List<PendingWindow> windows = new ArrayList<>();
            try (EsrrfStreamer s = new EsrrfStreamer(p, p.layout(), 11, 13, UnitPlacement.fixed(session, "cuda"))) {
                for (int f = 0; f < 12; f++) {
                    s.frame(f, new PixelData.U16(raw[f]), input.shift(f));
                    if (f + 1 >= 6 && (f + 1 - 6) % 3 == 0) {
                        windows.add(s.window(f + 1 - 6, 6));
                    }
                }
                assertEquals(3, windows.size());
                for (int w = 0; w < 3; w++) {
                    assertNull(tol.firstViolation(expected.frames(w, w + 1).data(), windows.get(w).await().data()),
                            stat + " window " + w);
                }
            }
        }
    }
}
