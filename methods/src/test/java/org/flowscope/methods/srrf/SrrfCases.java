package org.flowscope.methods.srrf;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.testkit.ConformanceKit;

/**
 * The seeded shape and parameter matrix every SRRF implementation is held to the Java reference on: both geometries,
 * magnifications 1-10, three ring radii, every temporal analysis, odd and even sizes, borders, the on/off options,
 * plus one-frame stacks, tiny frames and blocks with a remainder.
 */
final class SrrfCases {
    private SrrfCases() {
    }

    static List<ConformanceKit.Case<SrrfParams, ImageStack>> all() {
        List<ConformanceKit.Case<SrrfParams, ImageStack>> cases = new ArrayList<>();
        float[] radii = {0.5f, 1f, 1.7f};
        Temporal[] stats = Temporal.values();
        int seed = 0;
        for (Geometry g : Geometry.values()) {
            for (int m = 1; m <= 10; m++) {
                for (float r : radii) {
                    seed++;
                    int h = 7 + seed % 6;
                    int w = 6 + (seed * 5) % 9;
                    Temporal t = stats[seed % stats.length];
                    int frames = Math.max(t.minimumFrames(g), 1 + seed % 4);
                    int border = seed % 9 == 4 ? 1 : 0;
                    SrrfParams p = new SrrfParams(m, r, border, seed % 4 != 1, seed % 5 != 2, seed % 3 != 0, t, 0, g);
                    cases.add(new ConformanceKit.Case<>(g + " M" + m + " ring " + r + " " + t + " " + frames + "x" + h + "x"
                            + w + (border > 0 ? " border 1" : "") + (p.positivityConstraint() ? "" : " signed")
                            + (p.intensityWeighting() ? "" : " unweighted") + (p.macroPixelCorrection() ? "" : " no-mpc"),
                            p, SyntheticFrames.denseBlinking(frames, h, w, seed)));
                }
            }
            SrrfParams d = SrrfParams.defaults().withGeometry(g);
            cases.add(new ConformanceKit.Case<>(g + " 1-frame AVG", d, SyntheticFrames.denseBlinking(1, 11, 9, 100)));
            cases.add(new ConformanceKit.Case<>(g + " 1-frame MAX", d.withTemporal(Temporal.MAX),
                    SyntheticFrames.denseBlinking(1, 7, 12, 101)));
            cases.add(new ConformanceKit.Case<>(g + " 1-frame PPS x3", d.withTemporal(Temporal.PPS).withMagnification(3),
                    SyntheticFrames.denseBlinking(1, 9, 10, 102)));
            cases.add(new ConformanceKit.Case<>(g + " 1x1 frame", d, SyntheticFrames.blinking(2, 1, 1, 103)));
            cases.add(new ConformanceKit.Case<>(g + " 2x3 frames TRAC2", d.withTemporal(Temporal.TRAC2),
                    SyntheticFrames.blinking(4, 2, 3, 104)));
            cases.add(new ConformanceKit.Case<>(g + " blocks of 3, remainder, AVG", d.withFramesPerTimePoint(3),
                    SyntheticFrames.denseBlinking(8, 9, 13, 105)));
            cases.add(new ConformanceKit.Case<>(g + " blocks of 5 TRAC4", d.withFramesPerTimePoint(5)
                    .withTemporal(Temporal.TRAC4), SyntheticFrames.denseBlinking(14, 10, 8, 106)));
            cases.add(new ConformanceKit.Case<>(g + " blocks of 4 TRAC3 x2 border 2", d.withFramesPerTimePoint(4)
                    .withTemporal(Temporal.TRAC3).withMagnification(2).withBorder(2),
                    SyntheticFrames.denseBlinking(8, 12, 11, 107)));
            cases.add(new ConformanceKit.Case<>(g + " 40 frames PPS x4", d.withTemporal(Temporal.PPS).withMagnification(4),
                    SyntheticFrames.denseBlinking(40, 8, 9, 108)));
        }
        return cases;
    }
}
