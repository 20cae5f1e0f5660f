package org.flowscope.methods.esrrf;

import org.flowscope.methods.numerics.scenes.SyntheticFrames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.PixelData;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/** Streaming eSRRF on OpenCL (PoCL here and in CI; skipped without an OpenCL device) against the reference. */
class EsrrfStreamOpenClTest {
    @Test
    void theOpenClStreamAgreesWithTheReferenceOnTheStreamCases() {
        OpenClDevice dev = TestDevices.openClOrSkip();
        assertTrue(new EsrrfStreamOpenCl().availability(dev).available(), new EsrrfStreamOpenCl().availability(dev).reason());
        ConformanceKit.forImageOutput(new EsrrfStream(), new EsrrfStreamCpu())
                .assertConforms(new EsrrfStreamOpenCl(), dev, StreamCases.all());
    }

    /**
     * The command's matrix (the GPU host's conformance step) and drifting strips: tall frames, where the sub-pixel
     * shift is added to positions of hundreds of pixels.
     */
    @Test
    void theOpenClStreamAgreesWithTheReferenceOnTheCommandsMatrixAndOnDriftingStrips() {
        OpenClDevice dev = TestDevices.openClOrSkip();
        var kit = ConformanceKit.forImageOutput(new EsrrfStream(), new EsrrfStreamCpu());
        kit.assertConforms(new EsrrfStreamOpenCl(), dev, StreamCases.commandMatrix());
        kit.assertConforms(new EsrrfStreamOpenCl(), dev, StreamCases.strips());
    }

    @Test
    void sixteenBitFramesGoToTheDeviceAsTheyAreAndAreConvertedThere() {
        OpenClDevice dev = TestDevices.openClOrSkip();
        ImageStack in = SyntheticFrames.denseBlinking(12, 11, 13, 21);
        // integer-valued frames, as a camera delivers them
        float[] data = in.data().clone();
        short[][] raw = new short[12][11 * 13];
        for (int f = 0; f < 12; f++) {
            for (int p = 0; p < 11 * 13; p++) {
                int v = Math.min(65535, Math.round(data[f * 143 + p] * 20 + 100));
                raw[f][p] = (short) v;
                data[f * 143 + p] = v;
            }
        }
        ImageStack integers = new ImageStack(12, 11, 13, data);
        EsrrfStreamInput input = StreamCases.drifting(integers, 9);
        Tolerance tol = new EsrrfStream().tolerance();
        for (TemporalCorrelation stat : TemporalCorrelation.values()) {
            EsrrfStreamParams p = new EsrrfStreamParams(EsrrfParams.defaults().withMagnification(4).withTemporal(stat)
                    .withMacroPixelCorrection(stat != TemporalCorrelation.TAC2), 6, 3);
            ImageStack expected = EsrrfStreamCpu.apply(p, input);
            EsrrfSession session = new EsrrfStreamOpenCl().open(p, 11, 13, PixelType.U16, () -> dev);
            List<PendingWindow> windows = new ArrayList<>();
            try (EsrrfStreamer s = new EsrrfStreamer(p, p.layout(), 11, 13, UnitPlacement.fixed(session, "opencl"))) {
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
