package org.flowscope.methods.esrrfsweep;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.flowscope.core.image.ImageStack;

/**
 * The maps of a sweep. Cells are ordered frame count (slowest), then sensitivity, then radius (fastest): cell
 * {@code (f, s, r)} is at {@code (f * sensitivities + s) * radii + r}, which is also pixel {@code (x = r, y = s)} of frame
 * {@code f} of every {@link #map} image.
 *
 * @param radii         the radius axis (map x, ascending)
 * @param sensitivities the sensitivity axis (map y, ascending)
 * @param frameCounts   the frame-count axis (map frames, ascending)
 * @param magnification eSRRF magnification used throughout
 * @param metric        how resolution was measured
 * @param pixelSizeNm   input pixel size in nm, NaN when unknown
 * @param cells         every combination, in map order
 * @param best          index of the combination with the highest QnR, -1 when no combination could be scored
 */
public record SweepResult(List<Float> radii, List<Float> sensitivities, List<Integer> frameCounts, int magnification,
        ResolutionMetric metric, double pixelSizeNm, List<SweepCell> cells, int best) {
    public SweepResult {
        radii = List.copyOf(radii);
        sensitivities = List.copyOf(sensitivities);
        frameCounts = List.copyOf(frameCounts);
        cells = List.copyOf(cells);
        if (cells.size() != radii.size() * sensitivities.size() * frameCounts.size()) {
            throw new IllegalArgumentException("a sweep of " + radii.size() + " radii x " + sensitivities.size()
                    + " sensitivities x " + frameCounts.size() + " frame counts needs as many cells, got " + cells.size());
        }
    }

    /** The cell of radius index {@code r}, sensitivity index {@code s}, frame-count index {@code f}. */
    public SweepCell cell(int f, int s, int r) {
        return cells.get((f * sensitivities.size() + s) * radii.size() + r);
    }

    /** The best combination, if any could be scored. */
    public java.util.Optional<SweepCell> bestCell() {
        return best < 0 ? java.util.Optional.empty() : java.util.Optional.of(cells.get(best));
    }

    /** The best combination among those with frame-count index {@code f}, or -1. */
    public int bestFor(int f) {
        int per = radii.size() * sensitivities.size();
        return SweepDriver.argMaxQnr(cells, f * per, (f + 1) * per);
    }

    /** One figure of every cell as an image stack: x = radius, y = sensitivity, frame = frame count. */
    public ImageStack map(ToDoubleFunction<SweepCell> figure) {
        float[] d = new float[cells.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) figure.applyAsDouble(cells.get(i));
        }
        return new ImageStack(frameCounts.size(), sensitivities.size(), radii.size(), d);
    }

    /** Resolution of a cell in nm when the pixel size is known, else in input pixels. */
    public double resolutionInUnit(SweepCell c) {
        return Double.isNaN(pixelSizeNm) ? c.resolutionPx() : c.resolutionPx() * pixelSizeNm;
    }

    /** "nm" or "px" (input pixels). */
    public String resolutionUnit() {
        return Double.isNaN(pixelSizeNm) ? "px" : "nm";
    }
}
