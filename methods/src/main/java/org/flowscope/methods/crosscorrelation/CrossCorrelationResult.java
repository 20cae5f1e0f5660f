package org.flowscope.methods.crosscorrelation;

import java.util.List;

/**
 * Per-frame maxima of the cross-correlation maps, and the maps themselves when asked for.
 *
 * @param peaks one per input frame
 * @param maps  the normalised, fft-shifted maps (frames, h, w), or null
 */
public record CrossCorrelationResult(List<CcmPeak> peaks, org.flowscope.core.image.ImageStack maps) {
    public CrossCorrelationResult {
        peaks = List.copyOf(peaks);
    }

    /** Peaks then maps flattened as {dx0, dy0, v0, dx1, ...,  map values...}, for tolerance checks. */
    public float[] toFloatArray() {
        int n = 3 * peaks.size();
        float[] out = new float[n + (maps == null ? 0 : maps.data().length)];
        for (int i = 0; i < peaks.size(); i++) {
            out[3 * i] = (float) peaks.get(i).dx();
            out[3 * i + 1] = (float) peaks.get(i).dy();
            out[3 * i + 2] = (float) peaks.get(i).value();
        }
        if (maps != null) {
            System.arraycopy(maps.data(), 0, out, n, maps.data().length);
        }
        return out;
    }
}
