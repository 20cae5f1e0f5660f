package org.flowscope.methods.crosscorrelation;

import java.util.List;
import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/** The device cross-correlations held to the plain-Java reference with the operation's own tolerance. */
class CrossCorrelationGpuTest {
    private static ImageStack scene(int frames, int h, int w, long seed) {
        Random r = new Random(seed);
        double[] dx = new double[frames];
        double[] dy = new double[frames];
        for (int t = 1; t < frames; t++) {
            dx[t] = dx[t - 1] + r.nextGaussian();
            dy[t] = dy[t - 1] + r.nextGaussian();
        }
        return new BeadRenderer(seed, 20, h, w, 1.4, 3).stack(h, w, dx, dy, 15, new Random(seed + 1));
    }

    static List<ConformanceKit.Case<CrossCorrelationParams, CrossCorrelationInput>> cases() {
        ImageStack odd = scene(4, 33, 47, 1);
        ImageStack one = scene(1, 40, 40, 2);
        ImageStack square = scene(5, 64, 64, 3);
        ImageStack drift = BenchmarkScenes.drifting(4, 96, 80, 9);
        return List.of(
                new ConformanceKit.Case<>("odd 33x47 (padded FFT, Lanczos refinement) vs first, maps kept",
                        new CrossCorrelationParams(6, 1, 1.0, true), new CrossCorrelationInput(odd, odd.frame(0))),
                new ConformanceKit.Case<>("one frame vs itself", CrossCorrelationParams.peaksOnly(), new CrossCorrelationInput(one, one)),
                new ConformanceKit.Case<>("pairwise previous, 2 passes, no smoothing", new CrossCorrelationParams(0, 2, 0, false),
                        new CrossCorrelationInput(square.frames(1, 5), square.frames(0, 4))),
                new ConformanceKit.Case<>("96x80 drifting spots vs frame 0", CrossCorrelationParams.peaksOnly(),
                        new CrossCorrelationInput(drift, drift.frame(0))));
    }

    @Test
    void openClConformsToTheReferenceWithTheOperationsTolerance() {
        conforms(new CrossCorrelationOpenCl(), TestDevices.openClOrSkip());
    }

    @Test
    void cudaConformsToTheReferenceWithTheOperationsTolerance() {
        conforms(new CrossCorrelationCuda(), TestDevices.cudaOrSkip());
    }

    private static void conforms(Implementation<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult> impl,
            Device device) {
        ConformanceKit.of(new CrossCorrelation(), new CrossCorrelationCpu(), CrossCorrelationResult::toFloatArray)
                .assertConforms(impl, device, cases());
    }
}
