package org.flowscope.methods.squirrel;

import java.util.List;
import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.quality.GaussianFilter;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

class SquirrelCpuThreadedTest {
    /** Seeded sparse emitters as the SR image; the reference is the same scene blurred (sigma 2.5 SR px) and binned. */
    private static SquirrelInput scene(int refRows, int refCols, int m, long seed) {
        Random rnd = new Random(seed);
        int rows = refRows * m;
        int cols = refCols * m;
        float[] sr = new float[rows * cols];
        for (int i = 0; i < sr.length / 30; i++) {
            sr[rnd.nextInt(sr.length)] += 50 + 50 * (float) rnd.nextDouble();
        }
        float[] blurred = GaussianFilter.filter(sr, rows, cols, 2.5);
        float[] ref = new float[refRows * refCols];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                ref[(y / m) * refCols + x / m] += blurred[y * cols + x] / (m * m) + (float) rnd.nextGaussian() * 0.05f;
            }
        }
        return new SquirrelInput(ImageStack.ofImage(rows, cols, sr), ImageStack.ofImage(refRows, refCols, ref));
    }

    private static float[] flatten(SquirrelResult r) {
        float[] map = r.errorMap().data();
        float[] out = java.util.Arrays.copyOf(map, map.length + 3);
        out[map.length] = (float) r.rse();
        out[map.length + 1] = (float) r.rsp();
        out[map.length + 2] = (float) r.sigma();
        return out;
    }

    @Test
    void conformsToTheSequentialReference() {
        List<ConformanceKit.Case<SquirrelParams, SquirrelInput>> cases = List.of(
                new ConformanceKit.Case<>("32x32 reference, M 3, estimated sigma", SquirrelParams.defaults(), scene(32, 32, 3, 1)),
                new ConformanceKit.Case<>("20x30 oblong reference (mirror padding), M 3", SquirrelParams.defaults(), scene(20, 30, 3, 2)),
                new ConformanceKit.Case<>("fixed sigma 0.7 reference px, M 2", new SquirrelParams(0.7, 1000), scene(25, 25, 2, 3)));
        ConformanceKit.of(new Squirrel(), new SquirrelCpu(), SquirrelCpuThreadedTest::flatten)
                .assertConforms(new SquirrelCpuThreaded(), TestDevices.cpu(), cases);
    }
}
