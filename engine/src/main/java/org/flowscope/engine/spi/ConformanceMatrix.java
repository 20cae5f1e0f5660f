package org.flowscope.engine.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * The seeded shape matrix of {@code flowscope engine conformance}: one case per value of the operation's size
 * parameter, cycling through {@link #size image sizes} (tiny, odd, non-square, larger than a work group, strips of
 * 2-3 pixels across 300) and 1 or 2 frames, each made by the operation's {@link BenchmarkInputs}. It lives here so
 * that an operation's conformance test can run the very cases the command runs on the GPU host, instead of a matrix
 * of its own that may lack a shape.
 */
public final class ConformanceMatrix {
    /** The seed of the command's cases unless {@code --seed} says otherwise. */
    public static final long DEFAULT_SEED = 7;

    /** Sizes as (width, height). */
    private static final int[][] SIZES = {{1, 1}, {7, 5}, {33, 17}, {64, 64}, {129, 97}, {3, 300}, {256, 255}, {300, 2}};

    private ConformanceMatrix() {
    }

    /**
     * The cases of size-parameter values {@code kFrom .. kTo} with seeds {@code seed, seed + 1, ..}: case {@code i}
     * has {@link #size(int) size(i)}, {@code 1 + i % 2} frames and size parameter {@code kFrom + i}.
     */
    public static <P, I, O> List<BenchmarkInputs.Case<P, I>> cases(BenchmarkInputs<P, I, O> inputs, int kFrom, int kTo,
            long seed) {
        if (kFrom < 0 || kTo < kFrom) {
            throw new IllegalArgumentException("conformance size-parameter range must be 0 <= from <= to, got " + kFrom
                    + "-" + kTo);
        }
        List<BenchmarkInputs.Case<P, I>> cases = new ArrayList<>();
        for (int k = kFrom, i = 0; k <= kTo; k++, i++) {
            cases.add(inputs.benchmarkCase(spec(i, k), seed + i));
        }
        return cases;
    }

    /** The spec of case {@code i} with size parameter {@code k}. */
    public static BenchmarkInputs.Spec spec(int i, int k) {
        int[] wh = size(i);
        return new BenchmarkInputs.Spec(wh[0], wh[1], 1 + i % 2, k);
    }

    /** The (width, height) of case {@code i}. */
    public static int[] size(int i) {
        return SIZES[Math.floorMod(i, SIZES.length)].clone();
    }
}
