package org.flowscope.methods.magnify;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.methods.numerics.interpolation.Sampling;
import org.flowscope.testkit.ConformanceKit;

/**
 * The seeded shape matrix every magnify implementation is held to: each of the eleven variants of
 * {@link Magnify#VARIANTS} (every interpolator, both geometries, non-integer anisotropic magnifications, shifts that
 * reach past the border) at magnifications 1..10, on a cycle of odd, tiny and non-square sizes with one to three
 * frames; every variant at M = 1 on a single pixel and a single row; plus minification, a 1x1 image at x10 and a
 * shift that leaves the whole output without data.
 */
final class MagnifyCases {
    private static final int[][] SIZES = {{1, 1}, {7, 5}, {33, 17}, {2, 29}, {31, 31}, {13, 4}, {24, 20}};

    private MagnifyCases() {
    }

    static List<ConformanceKit.Case<MagnifyParams, ImageStack>> all() {
        Magnify op = new Magnify();
        List<ConformanceKit.Case<MagnifyParams, ImageStack>> cases = new ArrayList<>();
        int i = 0;
        for (int k = 1; k <= 10 * Magnify.VARIANTS.size(); k++, i++) {
            int[] wh = SIZES[i % SIZES.length];
            var c = op.benchmarkCase(new BenchmarkInputs.Spec(wh[0], wh[1], 1 + i % 3, k), 20261201L + k);
            cases.add(new ConformanceKit.Case<>(c.label(), c.params(), c.input()));
        }
        // every variant at its smallest magnification on a single pixel and on a single row
        for (int v = 0; v < Magnify.VARIANTS.size(); v++) {
            for (int[] wh : new int[][] {{1, 1}, {5, 1}}) {
                var c = op.benchmarkCase(new BenchmarkInputs.Spec(wh[0], wh[1], 1, 10 * v + 1), 99L + v);
                cases.add(new ConformanceKit.Case<>(c.label(), c.params(), c.input()));
            }
        }
        SplittableRandom rnd = new SplittableRandom(7);
        cases.add(named("minified x0.5/0.3 lanczos centred", MagnifyParams.of(InterpolatorChoice.LANCZOS, Sampling.CENTRED,
                0.2f, -0.4f, 0.5f, 0.3f), image(rnd, 2, 23, 19)));
        cases.add(named("1x1 image x10 bicubic nanopyx", MagnifyParams.of(InterpolatorChoice.BICUBIC, Sampling.NANOPYX,
                0f, 0f, 10f, 10f), image(rnd, 1, 1, 1)));
        cases.add(named("shift past the whole image, catmull-rom centred", MagnifyParams.of(InterpolatorChoice.CATMULL_ROM,
                Sampling.CENTRED, 40f, -40f, 2f, 3f), image(rnd, 1, 9, 8)));
        cases.add(named("x2.5 isotropic bilinear nanopyx, shift -0.5", MagnifyParams.of(InterpolatorChoice.BILINEAR,
                Sampling.NANOPYX, -0.5f, -0.5f, 2.5f, 2.5f), image(rnd, 3, 15, 11)));
        return cases;
    }

    private static ConformanceKit.Case<MagnifyParams, ImageStack> named(String name, MagnifyParams p, ImageStack in) {
        return new ConformanceKit.Case<>(name, p, in);
    }

    static ImageStack image(SplittableRandom rnd, int frames, int h, int w) {
        float[] px = new float[frames * h * w];
        for (int i = 0; i < px.length; i++) {
            px[i] = (float) (100 + 1000 * rnd.nextDouble());
        }
        return new ImageStack(frames, h, w, px);
    }
}
