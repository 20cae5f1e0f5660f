package org.flowscope.methods.srrf;

/**
 * The temporal analysis of a time point in one pass over its frames, for a range of output pixels: the Java twin of
 * the running sums of {@code srrf_device.h}. Each pixel keeps double sums:
 * <ul>
 * <li>AVG: {@code S = sum x}; MAX: the maximum; PPS: {@code S = sum x+} and {@code Q = sum x+^2}, since
 *     {@code sum_{t0 <= t1} x+_t0 x+_t1 = (S^2 + Q) / 2};</li>
 * <li>TRACn: the frames shifted by the pixel's first value {@code K} ({@code y = x - K}, so that bright steady pixels
 *     do not cancel catastrophically), their sum, and for every subset {@code U} of the {@code n} positions of a window
 *     the sum over windows of {@code prod_{i in U} y_{t+i}}. After the last frame, with {@code m = mean y}, the central
 *     sums are {@code C_S = sum_{U in S} (-m)^{|S|-|U|} R_U} ({@code R_{} = windows}), from which every cumulant
 *     follows. The last {@code n} values are kept to form windows as frames arrive.</li>
 * </ul>
 * Windows: centred, every run of {@code n} consecutive frames; NanoPyx, those that end before the last frame.
 */
final class RadialityAccumulator {
    private final Temporal stat;
    private final boolean nanopyx;
    private final int pixels;
    private final int n;
    private final int slots;
    private final double[] acc;
    private final float[] shift;
    private final float[] recent;
    private final double[] y = new double[4];
    private final double[] prod = new double[16];

    RadialityAccumulator(Temporal stat, Geometry g, int pixels) {
        this.stat = stat;
        this.nanopyx = g == Geometry.NANOPYX;
        this.pixels = pixels;
        this.n = stat.window();
        this.slots = slots(stat);
        this.acc = new double[slots * pixels];
        this.shift = n > 0 ? new float[pixels] : null;
        this.recent = n > 0 ? new float[n * pixels] : null;
    }

    /** Doubles kept per pixel. */
    static int slots(Temporal stat) {
        return switch (stat) {
            case AVG, MAX -> 1;
            case PPS -> 2;
            default -> 1 << stat.window();
        };
    }

    /**
     * Adds frame {@code f} (0 = the time point's first) of pixels {@code [from, from + count)}, read from
     * {@code values[off ..]}. Every pixel gets its frames in order.
     */
    void add(int f, int from, float[] values, int off, int count) {
        for (int i = 0; i < count; i++) {
            int px = from + i;
            float v = values[off + i];
            int a = px * slots;
            switch (stat) {
                case AVG -> acc[a] += v;
                case MAX -> acc[a] = f == 0 ? v : Math.max(acc[a], v);
                case PPS -> {
                    double x = Math.max(v, 0f);
                    acc[a] += x;
                    acc[a + 1] += x * x;
                }
                default -> addCumulant(f, px, v);
            }
        }
    }

    private void addCumulant(int f, int px, float v) {
        if (f == 0) {
            shift[px] = v;
        }
        acc[px * slots] += (double) v - shift[px];
        if (nanopyx && f >= n) {
            window(px, f - n);
        }
        recent[(f % n) * pixels + px] = v;
        if (!nanopyx && f >= n - 1) {
            window(px, f - n + 1);
        }
    }

    /** Adds the products of the window of frames {@code first .. first + n - 1} of pixel {@code px}. */
    private void window(int px, int first) {
        double k = shift[px];
        for (int i = 0; i < n; i++) {
            y[i] = recent[((first + i) % n) * pixels + px] - k;
        }
        int a = px * slots;
        prod[0] = 1;
        for (int u = 1; u < slots; u++) {
            int top = 31 - Integer.numberOfLeadingZeros(u);
            prod[u] = prod[u & ~(1 << top)] * y[top];
            acc[a + u] += prod[u];
        }
    }

    /** The statistic of the {@code frames} frames added, into {@code out[off .. off + pixels)}. */
    void finish(int frames, float[] out, int off) {
        double[] r = new double[slots];
        for (int px = 0; px < pixels; px++) {
            int a = px * slots;
            out[off + px] = (float) switch (stat) {
                case AVG -> acc[a] / frames;
                case MAX -> acc[a];
                case PPS -> (acc[a] * acc[a] + acc[a + 1]) / ((double) frames * (frames + 1));
                default -> {
                    System.arraycopy(acc, a, r, 0, slots);
                    yield cumulant(stat, nanopyx, frames, r);
                }
            };
        }
    }

    /**
     * A cumulant from the sums {@code r} of one pixel ({@code r[0]} the sum of the shifted values, {@code r[U]} the
     * subset sums) over {@code frames} frames.
     */
    static double cumulant(Temporal stat, boolean nanopyx, int frames, double[] r) {
        int n = stat.window();
        double m = r[0] / frames;
        double windows = nanopyx ? frames - n : frames - n + 1;
        r[0] = windows;
        if (nanopyx) {
            return switch (n) {
                case 2 -> Math.abs(central(r, 0b11, m)) / frames;
                case 3 -> Math.abs(central(r, 0b011, m) + central(r, 0b100, m)) / frames;
                default -> Math.abs(central(r, 0b1111, m) - central(r, 0b0011, m) * central(r, 0b1100, m)
                        - central(r, 0b0101, m) * central(r, 0b1010, m) - central(r, 0b1001, m) * central(r, 0b0110, m))
                        / frames;
            };
        }
        return switch (n) {
            case 2 -> Math.abs(central(r, 0b11, m) / windows);
            case 3 -> Math.abs(central(r, 0b111, m) / windows);
            default -> Math.abs(central(r, 0b1111, m) / windows
                    - central(r, 0b0011, m) / windows * (central(r, 0b1100, m) / windows)
                    - central(r, 0b0101, m) / windows * (central(r, 0b1010, m) / windows)
                    - central(r, 0b1001, m) / windows * (central(r, 0b0110, m) / windows));
        };
    }

    /** {@code sum over windows of prod_{i in S} (y_{t+i} - m)} from the raw subset sums ({@code r[0]} = windows). */
    static double central(double[] r, int set, double m) {
        double c = 0;
        int size = Integer.bitCount(set);
        for (int u = set;; u = (u - 1) & set) {
            c += r[u] * Math.pow(-m, size - Integer.bitCount(u));
            if (u == 0) {
                break;
            }
        }
        return c;
    }
}
