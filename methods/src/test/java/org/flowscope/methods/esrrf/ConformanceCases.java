package org.flowscope.methods.esrrf;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;

/** The seeded shape and parameter matrix every eSRRF implementation is held to the Java reference on. */
final class ConformanceCases {
    record Case(String name, EsrrfParams params, ImageStack input) {
    }

    private ConformanceCases() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        int[] mags = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        float[] radii = {0.5f, 1.5f, 3f};
        TemporalCorrelation[] stats = TemporalCorrelation.values();
        int seed = 0;
        for (Geometry g : Geometry.values()) {
            for (int m : mags) {
                for (float r : radii) {
                    seed++;
                    int h = 9 + seed % 5;
                    int w = 8 + (seed * 3) % 7;
                    int frames = 2 + seed % 3;
                    EsrrfParams p = EsrrfParams.defaults().withGeometry(g).withMagnification(m).withRadius(r)
                            .withTemporal(stats[seed % 3])
                            .withIntensityWeighting(seed % 4 != 1)
                            .withMacroPixelCorrection(seed % 5 != 2)
                            .withSensitivity(seed % 6 == 3 ? 2f : 1f);
                    cases.add(new Case(g + " M" + m + " r" + r + " " + frames + "x" + h + "x" + w + " " + p.temporal(),
                            p, SyntheticFrames.denseBlinking(frames, h, w, seed)));
                }
            }
            cases.add(new Case(g + " 1-frame AVG", EsrrfParams.defaults().withGeometry(g),
                    SyntheticFrames.denseBlinking(1, 11, 9, 100)));
            cases.add(new Case(g + " 1-frame VAR", EsrrfParams.defaults().withGeometry(g).withTemporal(TemporalCorrelation.VAR),
                    SyntheticFrames.denseBlinking(1, 7, 12, 101)));
            cases.add(new Case(g + " blocks of 2 TAC2", EsrrfParams.defaults().withGeometry(g)
                    .withTemporal(TemporalCorrelation.TAC2).withFramesPerTimePoint(2), SyntheticFrames.denseBlinking(6, 10, 10, 102)));
            cases.add(new Case(g + " blocks of 3 AVG, last shorter", EsrrfParams.defaults().withGeometry(g)
                    .withFramesPerTimePoint(3), SyntheticFrames.denseBlinking(7, 9, 13, 103)));
        }
        return cases;
    }
}
