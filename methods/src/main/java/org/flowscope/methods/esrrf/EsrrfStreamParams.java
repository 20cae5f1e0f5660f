package org.flowscope.methods.esrrf;

import java.util.Objects;
import org.flowscope.core.window.StreamLayout;

/**
 * Parameters of {@link EsrrfStream}: the eSRRF parameters (one time point per window; their frames per time point
 * is ignored and set to 0) and the windows cut from the stream.
 *
 * @param esrrf  eSRRF parameters
 * @param window frames per window, &ge; 1 (&ge; 2 for TAC2)
 * @param step   frames between window starts, &ge; 1
 */
public record EsrrfStreamParams(EsrrfParams esrrf, int window, int step) {
    public EsrrfStreamParams {
        Objects.requireNonNull(esrrf, "esrrf");
        esrrf = esrrf.withFramesPerTimePoint(0);
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1 frame, got " + window);
        }
        if (step < 1) {
            throw new IllegalArgumentException("step must be >= 1 frame, got " + step);
        }
        if (esrrf.temporal() == TemporalCorrelation.TAC2 && window < 2) {
            throw new IllegalArgumentException("TAC2 needs windows of at least 2 frames, got " + window);
        }
    }

    /** Segments and units of the windows (see {@link StreamLayout}). */
    public StreamLayout layout() {
        return StreamLayout.of(window, step);
    }

    /** Windows in a stream of {@code frames}: every complete window. */
    public int windows(int frames) {
        return frames < window ? 0 : (frames - window) / step + 1;
    }
}
