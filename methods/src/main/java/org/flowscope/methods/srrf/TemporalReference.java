package org.flowscope.methods.srrf;

/**
 * The temporal analyses of {@link Temporal} written out literally, for the reference implementation: deviations from
 * the mean after a first pass, then the sums of products. Frames are {@code data[t * pixels + p]}.
 */
final class TemporalReference {
    private TemporalReference() {
    }

    /**
     * NanoPyx's {@code calculate_SRRF_temporal_correlations} as NumPy evaluates it on float32 stacks: sums in frame
     * order in float32; the cumulant loop runs over {@code t < T - order}; order 3 sums {@code d_t d_t+1 + d_t+2};
     * order 4 subtracts products of sums; cumulants divided by {@code T}.
     */
    static float[] nanopyx(Temporal stat, float[] data, int frames, int pixels) {
        return switch (stat) {
            case AVG -> mean(data, frames, pixels);
            case MAX -> max(data, frames, pixels);
            case PPS -> {
                float[] pps = new float[pixels];
                long counter = 0;
                for (int t0 = 0; t0 < frames; t0++) {
                    for (int t1 = t0; t1 < frames; t1++) {
                        for (int p = 0; p < pixels; p++) {
                            pps[p] += Math.max(data[t0 * pixels + p], 0f) * Math.max(data[t1 * pixels + p], 0f);
                        }
                        counter++;
                    }
                }
                for (int p = 0; p < pixels; p++) {
                    pps[p] /= (float) Math.max(counter, 1);
                }
                yield pps;
            }
            case TRAC2, TRAC3, TRAC4 -> nanopyxCumulant(stat.window(), data, frames, pixels);
        };
    }

    private static float[] nanopyxCumulant(int order, float[] data, int frames, int pixels) {
        float[] mean = mean(data, frames, pixels);
        float[] out = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            float ab = 0;
            float abc = 0;
            float abcd = 0;
            float cd = 0;
            float ac = 0;
            float bd = 0;
            float ad = 0;
            float bc = 0;
            float mu = mean[p];
            for (int t = 0; t < frames - order; t++) {
                float a = data[t * pixels + p] - mu;
                float b = data[(t + 1) * pixels + p] - mu;
                ab += a * b;
                if (order == 3) {
                    abc = abc + a * b + (data[(t + 2) * pixels + p] - mu);
                } else if (order == 4) {
                    float c = data[(t + 2) * pixels + p] - mu;
                    float d = data[(t + 3) * pixels + p] - mu;
                    abcd += a * b * c * d;
                    cd += c * d;
                    ac += a * c;
                    bd += b * d;
                    ad += a * d;
                    bc += b * c;
                }
            }
            float v = switch (order) {
                case 3 -> abc;
                case 4 -> abcd - ab * cd - ac * bd - ad * bc;
                default -> ab;
            };
            out[p] = Math.abs(v) / frames;
        }
        return out;
    }

    /**
     * The definitions of {@link Temporal} in double: PPS over all pairs, the cumulants as means over the
     * {@code T - n + 1} windows of {@code n} consecutive frames of the deviations from the mean.
     */
    static float[] exact(Temporal stat, float[] data, int frames, int pixels) {
        float[] out = new float[pixels];
        int n = stat.window();
        for (int p = 0; p < pixels; p++) {
            double[] x = new double[frames];
            double mean = 0;
            for (int t = 0; t < frames; t++) {
                x[t] = data[t * pixels + p];
                mean += x[t];
            }
            mean /= frames;
            double v;
            switch (stat) {
                case AVG -> v = mean;
                case MAX -> {
                    v = Double.NEGATIVE_INFINITY;
                    for (double xt : x) {
                        v = Math.max(v, xt);
                    }
                }
                case PPS -> {
                    double s = 0;
                    for (int t0 = 0; t0 < frames; t0++) {
                        for (int t1 = t0; t1 < frames; t1++) {
                            s += Math.max(x[t0], 0) * Math.max(x[t1], 0);
                        }
                    }
                    v = s / (frames * (frames + 1) / 2.0);
                }
                default -> {
                    int windows = frames - n + 1;
                    double abcd = 0;
                    double ab = 0;
                    double cd = 0;
                    double ac = 0;
                    double bd = 0;
                    double ad = 0;
                    double bc = 0;
                    for (int t = 0; t < windows; t++) {
                        double a = x[t] - mean;
                        double b = x[t + 1] - mean;
                        double c = n > 2 ? x[t + 2] - mean : 1;
                        double d = n > 3 ? x[t + 3] - mean : 1;
                        abcd += a * b * c * d;
                        ab += a * b;
                        cd += c * d;
                        ac += a * c;
                        bd += b * d;
                        ad += a * d;
                        bc += b * c;
                    }
                    v = abcd / windows;
                    if (n == 4) {
                        v -= (ab / windows) * (cd / windows) + (ac / windows) * (bd / windows)
                                + (ad / windows) * (bc / windows);
                    }
                    v = Math.abs(v);
                }
            }
            out[p] = (float) v;
        }
        return out;
    }

    private static float[] mean(float[] data, int frames, int pixels) {
        float[] m = new float[pixels];
        for (int t = 0; t < frames; t++) {
            for (int p = 0; p < pixels; p++) {
                m[p] += data[t * pixels + p];
            }
        }
        for (int p = 0; p < pixels; p++) {
            m[p] /= frames;
        }
        return m;
    }

    private static float[] max(float[] data, int frames, int pixels) {
        float[] m = new float[pixels];
        java.util.Arrays.fill(m, Float.NEGATIVE_INFINITY);
        for (int t = 0; t < frames; t++) {
            for (int p = 0; p < pixels; p++) {
                m[p] = Math.max(m[p], data[t * pixels + p]);
            }
        }
        return m;
    }
}
