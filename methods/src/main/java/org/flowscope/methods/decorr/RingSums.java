package org.flowscope.methods.decorr;

/**
 * The sums one decorrelation curve is made of, for one high-pass filter over one {@link DecorrRings} partition.
 *
 * @param amplitude per curve point, the sum of the filtered magnitudes {@code |F| w} that are &gt; 0
 * @param count     per curve point, how many samples contributed to {@code amplitude}
 * @param energy    {@code sum |F w|^2} over the full disc {@code |k| < n/2}
 */
record RingSums(double[] amplitude, double[] count, double energy) {
    /**
     * The curve {@code d(r_k) = sqrt(2) sum_{j<=k} A_j / (sqrt(energy) sqrt(sum_{j<=k} N_j))} (spec &sect;11.2); NaN
     * where nothing was summed yet, except that a NaN first point is 0 as in NanoPyx.
     */
    double[] curve() {
        int nr = amplitude.length;
        double cr = Math.sqrt(energy);
        double[] d = new double[nr];
        double sa = 0;
        double sb = 0;
        for (int k = 0; k < nr; k++) {
            sa += amplitude[k];
            sb += count[k];
            d[k] = cr == 0 || sb == 0 ? Double.NaN : Math.sqrt(2) * sa / (cr * Math.sqrt(sb));
        }
        if (Double.isNaN(d[0])) {
            d[0] = 0;
        }
        return d;
    }
}
