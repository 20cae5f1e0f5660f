package org.flowscope.methods.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.methods.magnify.InterpolatorChoice;
import org.flowscope.methods.numerics.interpolation.Sampling;
import org.flowscope.testkit.ConformanceKit;

/**
 * The seeded shape matrix every transform implementation is held to: the ten interpolator x geometry variants of
 * {@link Transform#VARIANTS}, three seeded angle/scale/shift draws each, on odd, tiny and non-square sizes with one to
 * three frames; plus the identity, quarter turns (positions exactly on pixel boundaries for nearest neighbour) and a
 * shift that leaves no data.
 */
final class TransformCases {
    private static final int[][] SIZES = {{1, 1}, {7, 5}, {33, 17}, {2, 29}, {31, 31}, {13, 4}, {24, 20}, {64, 48}};

    private TransformCases() {
    }

    static List<ConformanceKit.Case<TransformParams, ImageStack>> all() {
        Transform op = new Transform();
        List<ConformanceKit.Case<TransformParams, ImageStack>> cases = new ArrayList<>();
        int i = 0;
        for (int draw = 0; draw < 3; draw++) {
            for (int k = 1; k <= Transform.VARIANTS.size(); k++, i++) {
                int[] wh = SIZES[i % SIZES.length];
                var c = op.benchmarkCase(new BenchmarkInputs.Spec(wh[0], wh[1], 1 + i % 3, k), 20261202L + i);
                cases.add(new ConformanceKit.Case<>(c.label(), c.params(), c.input()));
            }
        }
        SplittableRandom rnd = new SplittableRandom(11);
        for (InterpolatorChoice c : new InterpolatorChoice[] {InterpolatorChoice.NEAREST, InterpolatorChoice.LANCZOS}) {
            for (Sampling g : Sampling.values()) {
                cases.add(new ConformanceKit.Case<>("identity " + c + " " + g, TransformParams.of(c, g, 0, 0, 1, 1, 0),
                        image(rnd, 2, 9, 12)));
                cases.add(new ConformanceKit.Case<>("quarter turn " + c + " " + g,
                        TransformParams.of(c, g, 0, 0, 1, 1, (float) (Math.PI / 2)), image(rnd, 1, 10, 10)));
                cases.add(new ConformanceKit.Case<>("half turn x2 " + c + " " + g,
                        TransformParams.of(c, g, 0.5f, -0.5f, 2, 2, (float) Math.PI), image(rnd, 1, 11, 8)));
            }
        }
        cases.add(new ConformanceKit.Case<>("shift past the whole image", TransformParams.of(InterpolatorChoice.CATMULL_ROM,
                Sampling.CENTRED, 50, 50, 1, 1, 0.3f), image(rnd, 1, 9, 9)));
        return cases;
    }

    static ImageStack image(SplittableRandom rnd, int frames, int h, int w) {
        float[] px = new float[frames * h * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (100 + 1000 * rnd.nextDouble());
        }
        return new ImageStack(frames, h, w, px);
    }
}
