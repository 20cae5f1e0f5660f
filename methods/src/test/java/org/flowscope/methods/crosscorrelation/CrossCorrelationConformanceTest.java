package org.flowscope.methods.crosscorrelation;

import java.util.List;
import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.methods.drift.DriftCorrection;
import org.flowscope.methods.drift.DriftCorrectionCpu;
import org.flowscope.methods.drift.DriftCorrectionCpuThreaded;
import org.flowscope.methods.drift.DriftCorrectionInput;
import org.flowscope.methods.drift.DriftCorrectionParams;
import org.flowscope.methods.drift.DriftTable;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.numerics.scenes.BeadRenderer;
import org.flowscope.testkit.ConformanceKit;
import org.junit.jupiter.api.Test;

/** The threaded implementations held to the plain-Java references on seeded cases (odd sizes, one frame, pairwise). */
class CrossCorrelationConformanceTest {
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

    @Test
    void threadedCrossCorrelationConformsToJavaReference() {
        ImageStack odd = scene(5, 33, 47, 1);
        ImageStack one = scene(1, 40, 40, 2);
        ImageStack square = scene(6, 64, 64, 3);
        List<ConformanceKit.Case<CrossCorrelationParams, CrossCorrelationInput>> cases = List.of(
                new ConformanceKit.Case<>("odd 33x47 vs first, maps kept", new CrossCorrelationParams(6, 1, 1.0, true),
                        new CrossCorrelationInput(odd, odd.frame(0))),
                new ConformanceKit.Case<>("one frame vs itself", CrossCorrelationParams.peaksOnly(), new CrossCorrelationInput(one, one)),
                new ConformanceKit.Case<>("pairwise previous, 2 passes, no smoothing", new CrossCorrelationParams(0, 2, 0, false),
                        new CrossCorrelationInput(square.frames(1, 6), square.frames(0, 5))));
        try (CpuDevice cpu = CpuDevice.withCores(3)) {
            ConformanceKit.of(new CrossCorrelation(), new CrossCorrelationCpu(), CrossCorrelationResult::toFloatArray)
                    .assertConforms(new CrossCorrelationCpuThreaded(), cpu, cases);
        }
    }

    @Test
    void threadedDriftCorrectionConformsToJavaReference() {
        ImageStack s = scene(5, 37, 41, 4);
        DriftTable t = new DriftTable(new double[] {0, 0.3, -1.7, 2.25, -0.5}, new double[] {0, 1.1, 0.4, -2.6, 0.05}, 0);
        List<ConformanceKit.Case<DriftCorrectionParams, DriftCorrectionInput>> cases = new java.util.ArrayList<>();
        for (Kernel ip : Kernel.values()) {
            cases.add(new ConformanceKit.Case<>(ip.name(), new DriftCorrectionParams(ip, Border.NEAREST),
                    new DriftCorrectionInput(s, t)));
        }
        ImageStack one = scene(1, 20, 23, 5);
        cases.add(new ConformanceKit.Case<>("one frame", DriftCorrectionParams.defaults(),
                new DriftCorrectionInput(one, new DriftTable(new double[] {0.4}, new double[] {-0.2}, 0))));
        try (CpuDevice cpu = CpuDevice.withCores(3)) {
            ConformanceKit.forImageOutput(new DriftCorrection(), new DriftCorrectionCpu())
                    .assertConforms(new DriftCorrectionCpuThreaded(), cpu, cases);
        }
    }
}
