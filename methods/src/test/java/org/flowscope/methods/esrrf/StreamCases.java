package org.flowscope.methods.esrrf;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
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
