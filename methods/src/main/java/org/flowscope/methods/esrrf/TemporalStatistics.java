package org.flowscope.methods.esrrf;

/**
 * The temporal statistics of NanoPyx's {@code calculate_eSRRF_temporal_correlations} (methods spec §4.6), evaluated
 * the way NumPy evaluates them on float32 stacks: sums over frames accumulate in float32 in frame order.
 */
public final class TemporalStatistics {
    private TemporalStatistics() {
    }

    /**
     * Reduces {@code frames} images of {@code pixels} values, stored one after the other in {@code data}, to one
     * image.
     */
    public static float[] reduce(TemporalCorrelation stat, float[] data, int frames, int pixels) {
        if (frames < 1 || (long) frames * pixels > data.length) {
            throw new IllegalArgumentException("need 1.." + data.length / Math.max(pixels, 1) + " frames of " + pixels
                    + " pixels, got " + frames);
        }
        float[] mean = mean(data, frames, pixels);
        return switch (stat) {
            case AVG -> mean;
            case VAR -> {
                float[] v = new float[pixels];
                for (int t = 0; t < frames; t++) {
                    int o = t * pixels;
                    for (int p = 0; p < pixels; p++) {
                        float x = data[o + p] - mean[p];
                        v[p] += x * x;
                    }
                }
                for (int p = 0; p < pixels; p++) {
                    v[p] /= frames;
                }
                yield v;
            }
            case TAC2 -> {
                float[] c = new float[pixels];
                for (int t = 0; t < frames - 1; t++) {
                    int o = t * pixels;
                    for (int p = 0; p < pixels; p++) {
                        c[p] += (data[o + p] - mean[p]) * (data[o + pixels + p] - mean[p]);
                    }
                }
                for (int p = 0; p < pixels; p++) {
                    c[p] /= frames - 1;
                }
                yield c;
            }
        };
    }

    private static float[] mean(float[] data, int frames, int pixels) {
        float[] m = new float[pixels];
        for (int t = 0; t < frames; t++) {
            int o = t * pixels;
            for (int p = 0; p < pixels; p++) {
                m[p] += data[o + p];
            }
        }
        for (int p = 0; p < pixels; p++) {
            m[p] /= frames;
        }
        return m;
    }
}
