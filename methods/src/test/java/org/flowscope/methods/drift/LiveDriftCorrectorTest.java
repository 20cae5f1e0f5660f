package org.flowscope.methods.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.BeadRenderer;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;
import org.flowscope.methods.crosscorrelation.CrossCorrelationResult;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpu;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.junit.jupiter.api.Test;

class LiveDriftCorrectorTest {
    private static final int H = 64;
    private static final int W = 64;

    @Test
    void correctsLinearDriftWindowByWindowAgainstTheFirstWindow() {
        int n = 80;
        int win = 20;
        double vx = 0.03;
        double vy = -0.02;
        double[] dx = new double[n];
        double[] dy = new double[n];
        for (int t = 0; t < n; t++) {
            dx[t] = vx * t;
            dy[t] = vy * t;
        }
        BeadRenderer beads = new BeadRenderer(9, 50, H, W, 1.5, 6, 3);
        ImageStack stream = beads.stack(H, W, dx, dy, 20, new Random(3));
        LiveDriftCorrector live = new LiveDriftCorrector(ShiftMeasurer.reference(), DriftShifter.reference(), null, 8,
                new DriftCorrectionParams(Kernel.LANCZOS3, Border.NEAREST));
        ImageStack truthRef = ImageStack.ofImage(H, W, beads.render(H, W, vx * (win - 1) / 2.0, vy * (win - 1) / 2.0, 20, null));
        double worst = 0;
        for (int w = 0; w < n / win; w++) {
            ImageStack corrected = live.apply(stream.frames(w * win, (w + 1) * win), (long) w * win);
            if (w == 0) {
                continue; // one measurement: the first window is corrected by a constant
            }
            CrossCorrelationResult r = CrossCorrelationCpu.compute(new CrossCorrelationParams(3, false),
                    new CrossCorrelationInput(DriftNanoPyxReferenceTest.crop(corrected, 6), DriftNanoPyxReferenceTest.crop(truthRef, 6)));
            for (var p : r.peaks()) {
                worst = Math.max(worst, Math.hypot(p.dx(), p.dy()));
            }
        }
        assertEquals(4, live.trace().size());
        LiveDriftCorrector.WindowDrift last = live.trace().get(3);
        assertEquals(vx * win * 3, last.dx(), 0.05);
        assertEquals(vy * win * 3, last.dy(), 0.05);
        assertTrue(worst < 0.12, "worst residual of a corrected frame " + worst + " px");
    }

    @Test
    void usesTheGivenReferenceImage() {
        BeadRenderer beads = new BeadRenderer(10, 50, H, W, 1.5, 6, 3);
        ImageStack ref = ImageStack.ofImage(H, W, beads.render(H, W, 0, 0, 20, null));
        ImageStack window = beads.stack(H, W, new double[] {1.5, 1.5, 1.5}, new double[] {-0.5, -0.5, -0.5}, 20, null);
        LiveDriftCorrector live = new LiveDriftCorrector(ShiftMeasurer.reference(), DriftShifter.reference(), ref, 0,
                DriftCorrectionParams.defaults());
        live.apply(window, 0);
        assertEquals(1.5, live.trace().get(0).dx(), 0.02);
        assertEquals(-0.5, live.trace().get(0).dy(), 0.02);
        assertTrue(live.referenceGiven());
    }

    @Test
    void carriesTheLastDriftForwardThroughAFeaturelessWindow() {
        BeadRenderer beads = new BeadRenderer(11, 50, H, W, 1.5, 6, 3);
        LiveDriftCorrector live = new LiveDriftCorrector(ShiftMeasurer.reference(), DriftShifter.reference(), null, 0,
                DriftCorrectionParams.defaults());
        live.apply(beads.stack(H, W, new double[] {0, 0}, new double[] {0, 0}, 20, null), 0);
        live.apply(beads.stack(H, W, new double[] {1, 1}, new double[] {0.5, 0.5}, 20, null), 2);
        float[] noise = new float[2 * H * W];
        Random r = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) r.nextGaussian();
        }
        live.apply(new ImageStack(2, H, W, noise), 4);
        LiveDriftCorrector.WindowDrift last = live.trace().get(2);
        assertTrue(!last.measured(), "a pure-noise window is not trusted: similarity " + last.similarity());
        assertEquals(live.trace().get(1).dx(), last.dx(), 0);
        assertEquals(live.trace().get(1).dy(), last.dy(), 0);
    }

    @Test
    void rejectsWindowsOfAnotherSizeThanTheReference() {
        LiveDriftCorrector live = new LiveDriftCorrector(ShiftMeasurer.reference(), DriftShifter.reference(),
                ImageStack.zeros(1, 32, 32), 0, DriftCorrectionParams.defaults());
        var e = assertThrows(IllegalArgumentException.class, () -> live.apply(ImageStack.zeros(4, 32, 16), 0));
        assertTrue(e.getMessage().contains("32x16"), e.getMessage());
    }
}
