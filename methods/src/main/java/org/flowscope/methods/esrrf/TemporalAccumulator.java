package org.flowscope.methods.esrrf;

import java.util.Arrays;

/**
 * Running temporal statistics of per-frame maps, in double, so that a statistic over a window can be built one
 * frame at a time and windows can be concatenated from blocks without revisiting frames.
 *
 * <ul>
 * <li>AVG keeps {@code S = sum x_t}: mean {@code S/T}.</li>
 * <li>VAR also keeps {@code Q = sum x_t^2}: variance {@code Q/T - (S/T)^2}.</li>
 * <li>TAC2 keeps {@code S}, the lag sum {@code L = sum_{t<T-1} x_t x_{t+1}} and the first and last frame of the
 *     block: {@code sum (x_t - m)(x_{t+1} - m) = L - m (2S - x_0 - x_{T-1}) + (T-1) m^2}, divided by {@code T-1}.
 *     Joining block A then B adds {@code last_A * first_B} to the lag sum.</li>
 * </ul>
 * Sums are in double because VAR and TAC2 subtract large, nearly equal terms. Rows of one frame may be added by
 * different threads (disjoint pixel ranges); {@link #endFrame()} is then called once.
 */
public final class TemporalAccumulator {
    private final TemporalCorrelation stat;
    private final int pixels;
    private final double[] sum;
    private final double[] second;
    private final float[] first;
    private final float[] last;
    private int count;

    public TemporalAccumulator(TemporalCorrelation stat, int pixels) {
        this.stat = stat;
        this.pixels = pixels;
        this.sum = new double[pixels];
        this.second = stat == TemporalCorrelation.AVG ? null : new double[pixels];
        this.first = stat == TemporalCorrelation.TAC2 ? new float[pixels] : null;
        this.last = stat == TemporalCorrelation.TAC2 ? new float[pixels] : null;
    }

    /**
     * An accumulator holding sums computed elsewhere (a device's running sums, read back): {@code count} frames,
     * {@code second} null for AVG, {@code first}/{@code last} null unless TAC2. The arrays are taken, not copied.
     */
    static TemporalAccumulator of(TemporalCorrelation stat, int count, double[] sum, double[] second, float[] first,
            float[] last) {
        return new TemporalAccumulator(stat, sum.length, count, sum, second, first, last);
    }

    private TemporalAccumulator(TemporalCorrelation stat, int pixels, int count, double[] sum, double[] second,
            float[] first, float[] last) {
        this.stat = stat;
        this.pixels = pixels;
        this.count = count;
        this.sum = sum;
        this.second = stat == TemporalCorrelation.AVG ? null : second;
        this.first = stat == TemporalCorrelation.TAC2 ? first : null;
        this.last = stat == TemporalCorrelation.TAC2 ? last : null;
    }

    public TemporalCorrelation statistic() {
        return stat;
    }

    /** Frames added so far. */
    public int count() {
        return count;
    }

    /** Adds pixels {@code [from, from + n)} of the current frame, taken from {@code values[valuesOff ..]}. */
    public void add(int from, float[] values, int valuesOff, int n) {
        switch (stat) {
            case AVG -> {
                for (int i = 0; i < n; i++) {
                    sum[from + i] += values[valuesOff + i];
                }
            }
            case VAR -> {
                for (int i = 0; i < n; i++) {
                    double v = values[valuesOff + i];
                    sum[from + i] += v;
                    second[from + i] += v * v;
                }
            }
            case TAC2 -> {
                boolean isFirst = count == 0;
                for (int i = 0; i < n; i++) {
                    float v = values[valuesOff + i];
                    int p = from + i;
                    sum[p] += v;
                    if (isFirst) {
                        first[p] = v;
                    } else {
                        second[p] += (double) last[p] * v;
                    }
                    last[p] = v;
                }
            }
        }
    }

    /** Marks the current frame complete. */
    public void endFrame() {
        count++;
    }

    /** Adds a whole frame. */
    public void addFrame(float[] values, int off) {
        add(0, values, off, pixels);
        endFrame();
    }

    /** Appends {@code later} (the frames that follow this block in time) to this accumulator. */
    public void append(TemporalAccumulator later) {
        if (later.stat != stat || later.pixels != pixels) {
            throw new IllegalArgumentException("cannot join " + later.stat + "/" + later.pixels + " to " + stat + "/" + pixels);
        }
        if (later.count == 0) {
            return;
        }
        for (int p = 0; p < pixels; p++) {
            sum[p] += later.sum[p];
        }
        if (stat == TemporalCorrelation.VAR) {
            for (int p = 0; p < pixels; p++) {
                second[p] += later.second[p];
            }
        } else if (stat == TemporalCorrelation.TAC2) {
            for (int p = 0; p < pixels; p++) {
                if (count == 0) {
                    first[p] = later.first[p];
                } else {
                    second[p] += (double) last[p] * later.first[p];
                }
                second[p] += later.second[p];
                last[p] = later.last[p];
            }
        }
        count += later.count;
    }

    /** A copy, so that block partials can be reused in several windows. */
    public TemporalAccumulator copy() {
        TemporalAccumulator c = new TemporalAccumulator(stat, pixels);
        c.append(this);
        return c;
    }

    /** The statistic of the frames added so far (TAC2 needs at least 2). */
    public float[] result() {
        if (count == 0 || (stat == TemporalCorrelation.TAC2 && count < 2)) {
            throw new IllegalStateException(stat + " needs " + (stat == TemporalCorrelation.TAC2 ? 2 : 1)
                    + " frames or more, has " + count);
        }
        float[] out = new float[pixels];
        double t = count;
        for (int p = 0; p < pixels; p++) {
            double mean = sum[p] / t;
            out[p] = (float) switch (stat) {
                case AVG -> mean;
                case VAR -> Math.max(0, second[p] / t - mean * mean);
                case TAC2 -> (second[p] - mean * (2 * sum[p] - first[p] - last[p]) + (t - 1) * mean * mean) / (t - 1);
            };
        }
        return out;
    }

    void clear() {
        Arrays.fill(sum, 0);
        if (second != null) {
            Arrays.fill(second, 0);
        }
        count = 0;
    }
}
