package org.flowscope.methods.quality.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.flowscope.methods.frc.FrcResult;

/** How a {@link QualityMonitor} reports: the run.json section, the progress fields and the Micrometer gauges. */
final class QualityReport {
    private QualityReport() {
    }

    /**
     * Latest resolutions (nm when known), labelled with what they measure: {@code frc(raw)}, the FRC of the sampled
     * window's even- vs odd-frame raw means, {@code decorr(SR)}, the decorrelation resolution of the reconstruction;
     * then drops and, when any, failures.
     */
    static Map<String, String> progressFields(QualityMonitor m) {
        Map<String, String> f = new LinkedHashMap<>();
        QualitySample s = m.latest.get();
        if (s != null) {
            f.put("frc(raw)", format(s.frcNm(), s.frcPx()));
            f.put("decorr(SR)", format(s.decorrNm(), s.decorrPx()));
        }
        f.put("q-drops", Long.toString(m.dropped.get()));
        if (m.failed.get() > 0) {
            f.put("q-failed", Long.toString(m.failed.get()));
        }
        return f;
    }

    /** Plot values: {@code quality.window}, {@code quality.frc_px|nm} and {@code quality.decorr_px|nm} of the latest sample. */
    static Map<String, Double> progressValues(QualityMonitor m) {
        QualitySample s = m.latest.get();
        if (s == null) {
            return Map.of();
        }
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("quality.window", (double) s.window());
        v.put("quality.frc_px", s.frcPx());
        v.put("quality.frc_nm", s.frcNm());
        v.put("quality.decorr_px", s.decorrPx());
        v.put("quality.decorr_nm", s.decorrNm());
        return v;
    }

    /** One FRC curve for the run report: the sampled window, ring frequencies, the smoothed curve, the threshold. */
    static Map<String, Object> curve(long window, FrcResult frc) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("window", window);
        c.put("frequency", frc.frequency().clone());
        c.put("frc", frc.smoothed().clone());
        c.put("threshold", frc.threshold());
        return c;
    }

    private static String format(double nm, double px) {
        if (Double.isFinite(nm)) {
            return String.format("%.0f nm", nm);
        }
        return Double.isFinite(px) ? String.format("%.2f px", px) : "n/a";
    }

    static Map<String, Object> runJson(QualityMonitor m, int every) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("every", every);
        r.put("frcMethod", "even vs odd frame means of the window, standard frequency axis, threshold 1/7");
        r.put("decorrMethod", "decorrelation analysis of the reconstruction (Descloux 2019), n_r 50, n_g 10");
        r.put("samplesSeen", m.sampled.get());
        r.put("samplesComputed", m.computed.get());
        r.put("samplesDropped", m.dropped.get());
        r.put("samplesFailed", m.failed.get());
        r.put("samplesCancelled", m.cancelled.get());
        if (m.firstError.get() != null) {
            r.put("firstError", m.firstError.get());
        }
        QualitySample s = m.latest.get();
        if (s != null) {
            r.put("latest", row(s));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        synchronized (m.series) {
            for (QualitySample q : m.series) {
                rows.add(row(q));
            }
        }
        r.put("series", rows);
        List<Map<String, Object>> curves = new ArrayList<>();
        Map<String, Object> first = m.firstCurve.get();
        Map<String, Object> last = m.latestCurve.get();
        if (first != null) {
            curves.add(first);
        }
        if (last != null && last != first) {
            curves.add(last);
        }
        r.put("frcCurves", curves);
        return r;
    }

    private static Map<String, Object> row(QualitySample s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("window", s.window());
        r.put("outcome", s.outcome().name().toLowerCase(java.util.Locale.ROOT));
        r.put("frcPx", finiteOrNull(s.frcPx()));
        r.put("frcNm", finiteOrNull(s.frcNm()));
        r.put("decorrPx", finiteOrNull(s.decorrPx()));
        r.put("decorrNm", finiteOrNull(s.decorrNm()));
        r.put("elapsedMs", s.elapsedMs());
        if (s.detail() != null) {
            r.put("detail", s.detail());
        }
        return r;
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Publishes the latest values and the sample counts as Micrometer gauges ({@code flowscope.quality.*}, resolution
     * gauges NaN until a value exists), for whoever runs a meter registry.
     */
    static void bind(QualityMonitor m, MeterRegistry registry) {
        Gauge.builder("flowscope.quality.frc.resolution", m, x -> value(x.latest(), true, true))
                .baseUnit("nanometers").description("FRC resolution of the even/odd frame means").register(registry);
        Gauge.builder("flowscope.quality.frc.resolution.px", m, x -> value(x.latest(), true, false))
                .baseUnit("pixels").register(registry);
        Gauge.builder("flowscope.quality.decorr.resolution", m, x -> value(x.latest(), false, true))
                .baseUnit("nanometers").description("decorrelation resolution of the reconstruction").register(registry);
        Gauge.builder("flowscope.quality.decorr.resolution.px", m, x -> value(x.latest(), false, false))
                .baseUnit("pixels").register(registry);
        Gauge.builder("flowscope.quality.samples.computed", m.computed, AtomicLong::get).register(registry);
        Gauge.builder("flowscope.quality.samples.dropped", m.dropped, AtomicLong::get).register(registry);
        Gauge.builder("flowscope.quality.samples.failed", m.failed, AtomicLong::get).register(registry);
        Gauge.builder("flowscope.quality.samples.cancelled", m.cancelled, AtomicLong::get).register(registry);
    }

    private static double value(QualitySample s, boolean frc, boolean nm) {
        if (s == null) {
            return Double.NaN;
        }
        if (frc) {
            return nm ? s.frcNm() : s.frcPx();
        }
        return nm ? s.decorrNm() : s.decorrPx();
    }
}
