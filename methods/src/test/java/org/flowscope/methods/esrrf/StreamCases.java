package org.flowscope.methods.esrrf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.ConformanceMatrix;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.testkit.ConformanceKit;

/**
 * The seeded cases every {@link EsrrfStream} implementation is held to the reference on: sliding and tumbling
 * windows, a step larger than the window, every statistic, both geometries, odd sizes, magnifications 1-7, with and
 * without a drifting shift per frame.
 */
final class StreamCases {
    private StreamCases() {
    }

    static List<ConformanceKit.Case<EsrrfStreamParams, EsrrfStreamInput>> all() {
        List<ConformanceKit.Case<EsrrfStreamParams, EsrrfStreamInput>> cases = new ArrayList<>();
        int[][] windows = {{6, 2}, {4, 4}, {9, 3}, {5, 1}, {3, 5}, {8, 6}};
        TemporalCorrelation[] stats = TemporalCorrelation.values();
        int seed = 0;
        for (Geometry g : Geometry.values()) {
            for (int[] ws : windows) {
                for (int m : new int[] {1, 3, 4, 7}) {
                    seed++;
                    int h = 7 + seed % 5;
                    int w = 6 + (seed * 3) % 7;
                    int frames = ws[0] + ws[1] * (1 + seed % 3);
                    TemporalCorrelation stat = stats[seed % 3];
                    // TAC2 without the macro-pixel correction: on short windows of noise a phase's mean covariance
                    // is near 0, and dividing by it magnifies the float32 rounding of the reference's statistic
                    // beyond any fixed tolerance (both are right to their precision)
                    EsrrfParams p = EsrrfParams.defaults().withGeometry(g).withMagnification(m)
                            .withRadius(new float[] {0.5f, 1.5f, 2f}[seed % 3]).withTemporal(stat)
                            .withIntensityWeighting(seed % 4 != 1)
                            .withMacroPixelCorrection(stat != TemporalCorrelation.TAC2 && seed % 5 != 2)
                            .withSensitivity(seed % 6 == 3 ? 2f : 1f);
                    boolean drift = seed % 2 == 0;
                    ImageStack in = SyntheticFrames.denseBlinking(frames, h, w, seed);
                    EsrrfStreamInput input = drift ? drifting(in, seed) : EsrrfStreamInput.of(in);
                    cases.add(new ConformanceKit.Case<>(g + " M" + m + " " + p.temporal() + " window " + ws[0] + " step "
                            + ws[1] + " " + frames + "x" + h + "x" + w + (drift ? " drifting" : ""),
                            new EsrrfStreamParams(p, ws[0], ws[1]), input));
                }
            }
        }
        return cases;
    }

    /**
     * The cases of {@code flowscope engine conformance esrrf-stream --kernels 1-10} ({@link ConformanceMatrix}, its
     * default seed), as the GPU host runs them, less those whose output frames exceed 400,000 pixels (the 256x255
     * x7 case: seconds of reference time for no shape the others lack).
     */
    static List<ConformanceKit.Case<EsrrfStreamParams, EsrrfStreamInput>> commandMatrix() {
        List<ConformanceKit.Case<EsrrfStreamParams, EsrrfStreamInput>> cases = new ArrayList<>();
        for (var c : ConformanceMatrix.cases(new EsrrfStream(), 1, 10, ConformanceMatrix.DEFAULT_SEED)) {
            ImageStack f = c.input().frames();
            int m = c.params().esrrf().magnification();
            if ((long) f.height() * f.width() * m * m <= 400_000) {
                cases.add(new ConformanceKit.Case<>(c.label(), c.params(), c.input()));
            }
        }
        return cases;
    }

    /**
     * Drifting strips 1-3 pixels across and up to 2000 long, both ways, magnifications 3-10, both geometries: every
     * output pixel is near a border, and the lattice and tap positions reach 2000 input pixels, where a float rounds
     * a sub-pixel shift to 1.2e-4 px (the reference adds the shift exactly).
     */
    static List<ConformanceKit.Case<EsrrfStreamParams, EsrrfStreamInput>> strips() {
        int[][] sizes = {{3, 300}, {300, 2}, {2, 300}, {300, 3}, {1, 257}, {257, 1}, {2, 2000}, {2000, 3}};
        List<ConformanceKit.Case<EsrrfStreamParams, EsrrfStreamInput>> cases = new ArrayList<>();
        EsrrfStream op = new EsrrfStream();
        int i = 0;
        for (int[] wh : sizes) {
            int length = Math.max(wh[0], wh[1]);
            int across = Math.min(wh[0], wh[1]);
            for (int m : length >= 2000 ? new int[] {5} : across == 1 ? new int[] {3, 7} : new int[] {4, 6, 10}) {
                i++;
                var c = op.benchmarkCase(new BenchmarkInputs.Spec(wh[0], wh[1], 2 + i % 2, m), 100 + i);
                for (Geometry g : Geometry.values()) {
                    EsrrfStreamParams p = new EsrrfStreamParams(c.params().esrrf().withGeometry(g), c.params().window(),
                            c.params().step());
                    cases.add(new ConformanceKit.Case<>(c.label() + " as " + g, p, c.input()));
                }
            }
        }
        return cases;
    }

    /** {@code in} with a seeded random walk of shifts, sub-pixel and up to about a pixel. */
    static EsrrfStreamInput drifting(ImageStack in, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] dx = new float[in.frames()];
        float[] dy = new float[in.frames()];
        for (int f = 1; f < in.frames(); f++) {
            dx[f] = dx[f - 1] + (float) r.nextDouble(-0.4, 0.4);
            dy[f] = dy[f - 1] + (float) r.nextDouble(-0.4, 0.4);
        }
        return new EsrrfStreamInput(in, dx, dy);
    }
}
