package org.flowscope.methods.esrrfsweep;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The sweep's tables as CSV text. A map is one row per (frame count, sensitivity) and one column per radius, like
 * the TIFF maps (x = radius, y = sensitivity, frame = frame count); the long table has one row per combination with
 * every figure. Numbers in {@code Locale.ROOT}, unmeasured values as {@code NaN}.
 */
final class SweepCsv {
    private SweepCsv() {
    }

    static String map(SweepResult r, ToDoubleFunction<SweepCell> figure) {
        StringBuilder sb = new StringBuilder("frames,sensitivity");
        for (float radius : r.radii()) {
            sb.append(",radius=").append(radius);
        }
        sb.append('\n');
        for (int f = 0; f < r.frameCounts().size(); f++) {
            for (int s = 0; s < r.sensitivities().size(); s++) {
                sb.append(r.frameCounts().get(f)).append(',').append(r.sensitivities().get(s));
                for (int c = 0; c < r.radii().size(); c++) {
                    sb.append(',').append(num(figure.applyAsDouble(r.cell(f, s, c))));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String table(SweepResult r) {
        String unit = r.resolutionUnit();
        StringBuilder sb = new StringBuilder("radius,sensitivity,frames,blocks,rsp,rse,rsf_sigma_sr_px,resolution_" + unit
                + ",resolution_at_grid_limit,resolution_normalised,qnr,best,seconds,problems\n");
        for (int i = 0; i < r.cells().size(); i++) {
            SweepCell c = r.cells().get(i);
            sb.append(c.radius()).append(',').append(c.sensitivity()).append(',').append(c.frames()).append(',')
                    .append(c.blocks()).append(',').append(num(c.rsp())).append(',').append(num(c.rse())).append(',')
                    .append(num(c.rsfSigmaPx())).append(',').append(num(r.resolutionInUnit(c))).append(',')
                    .append(c.gridLimitedBlocks()).append('/').append(c.blocks()).append(',')
                    .append(num(c.normalisedResolution())).append(',').append(num(c.qnr())).append(',')
                    .append(i == r.best()).append(',').append(String.format(Locale.ROOT, "%.3f", c.seconds())).append(',')
                    .append(quote(String.join("; ", c.problems()))).append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return s.isEmpty() ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }
}
