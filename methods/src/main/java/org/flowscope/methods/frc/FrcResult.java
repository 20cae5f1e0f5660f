package org.flowscope.methods.frc;

/**
 * The outcome of an FRC.
 *
 * @param resolutionPx resolution in pixels: {@code 1 / f} at the threshold crossing, NaN if the curve never crosses
 * @param resolutionNm the same in nm, NaN when the pixel size is unknown or there is no crossing
 * @param frequency    ring frequencies in cycles per pixel, one per curve point (axis of the chosen convention)
 * @param raw          ring correlation before smoothing (point 0 is 1 by definition)
 * @param smoothed     the Savitzky&ndash;Golay smoothed curve the crossing is read from
 * @param threshold    the threshold (1/7)
 */
public record FrcResult(double resolutionPx, double resolutionNm, double[] frequency, double[] raw, double[] smoothed,
                        double threshold) {
    /** Whether the smoothed curve crossed the threshold. */
    public boolean crossed() {
        return Double.isFinite(resolutionPx);
    }

    /** The smoothed curve as float32, the array conformance checks compare. */
    public float[] smoothedAsFloat() {
        float[] f = new float[smoothed.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) smoothed[i];
        }
        return f;
    }
}
