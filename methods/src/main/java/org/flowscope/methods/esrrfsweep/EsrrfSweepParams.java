package org.flowscope.methods.esrrfsweep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.TemporalCorrelation;

/**
 * Parameters of an {@link EsrrfSweep}: the three axes and what stays fixed.
 *
 * @param radii         eSRRF radii (PSF FWHM, input pixels), each &gt; 0; sorted ascending, no repeats
 * @param sensitivities eSRRF sensitivities, each &ge; 1; sorted ascending, no repeats
 * @param frameCounts   frames per reconstruction, each &ge; 1 (&ge; 2 for FRC, which splits them in two halves; twice
 *                      the minimum for TAC2); sorted ascending, no repeats; empty = the whole stack in one block
 * @param esrrf         every other eSRRF setting (magnification, statistic, geometry, weighting, macro-pixel
 *                      correction); its radius and sensitivity are replaced by the axes' values, its frames per time
 *                      point must be 0 (the sweep makes its own blocks)
 * @param resolution    how resolution is measured
 * @param pixelSizeNm   input pixel size in nm, NaN when unknown (then resolution is reported in input pixels)
 */
public record EsrrfSweepParams(List<Float> radii, List<Float> sensitivities, List<Integer> frameCounts,
        EsrrfParams esrrf, ResolutionMetric resolution, double pixelSizeNm) {

    public EsrrfSweepParams {
        Objects.requireNonNull(esrrf, "esrrf");
        Objects.requireNonNull(resolution, "resolution");
        radii = sortedUnique("radius", radii, false);
        sensitivities = sortedUnique("sensitivity", sensitivities, false);
        frameCounts = sortedUnique("frames", frameCounts, true);
        for (float r : radii) {
            esrrf.withRadius(r); // the eSRRF rule, with its message naming the value
        }
        for (float s : sensitivities) {
            esrrf.withSensitivity(s);
        }
        int min = minFrames(resolution, esrrf.temporal());
        for (int n : frameCounts) {
            if (n < min) {
                throw new IllegalArgumentException("frames per reconstruction must be >= " + min + " for " + resolution
                        + " with " + esrrf.temporal() + ", got " + n);
            }
        }
        if (esrrf.framesPerTimePoint() != 0) {
            throw new IllegalArgumentException("the sweep makes its own blocks of frames: eSRRF frames per time point must be 0, got "
                    + esrrf.framesPerTimePoint());
        }
        if (!Double.isNaN(pixelSizeNm) && !(pixelSizeNm > 0 && Double.isFinite(pixelSizeNm))) {
            throw new IllegalArgumentException("pixel size must be a positive number of nm (or NaN if unknown), got " + pixelSizeNm);
        }
    }

    /**
     * The fewest frames one reconstruction may have: FRC splits them into even and odd halves, and TAC2 needs two frames
     * in every reconstruction it makes.
     */
    public static int minFrames(ResolutionMetric resolution, TemporalCorrelation temporal) {
        int perImage = temporal == TemporalCorrelation.TAC2 ? 2 : 1;
        return resolution == ResolutionMetric.FRC ? 2 * perImage : perImage;
    }

    /** The frame counts for a stack of {@code stackFrames}: the given ones, or the whole stack when none was given. */
    public List<Integer> frameCounts(int stackFrames) {
        return frameCounts.isEmpty() ? List.of(stackFrames) : frameCounts;
    }

    /** Number of parameter combinations for a stack of {@code stackFrames}. */
    public int combinations(int stackFrames) {
        return radii.size() * sensitivities.size() * frameCounts(stackFrames).size();
    }

    private static <T extends Comparable<T>> List<T> sortedUnique(String name, List<T> values, boolean mayBeEmpty) {
        Objects.requireNonNull(values, name);
        if (values.isEmpty() && !mayBeEmpty) {
            throw new IllegalArgumentException("the sweep needs at least one " + name + " value, got none");
        }
        List<T> out = new ArrayList<>(values);
        if (new HashSet<>(out).size() != out.size()) {
            throw new IllegalArgumentException(name + " values must differ, got " + values);
        }
        out.sort(null);
        return List.copyOf(out);
    }
}
