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
    static QualitySection.FrcCurve curve(long window, FrcResult frc) {
        return new QualitySection.FrcCurve(window, frc.frequency().clone(), frc.smoothed().clone(), frc.threshold());
    }

    private static String format(double nm, double px) {
        if (Double.isFinite(nm)) {
            return String.format("%.0f nm", nm);
        }
        return Double.isFinite(px) ? String.format("%.2f px", px) : "n/a";
    }

    static QualitySection runJson(QualityMonitor m, int every) {
        QualitySample latest = m.latest.get();
        List<QualitySection.Point> series = new ArrayList<>();
        synchronized (m.series) {
            for (QualitySample q : m.series) {
                series.add(QualitySection.Point.of(q));
            }
        }
        List<QualitySection.FrcCurve> curves = new ArrayList<>();
        QualitySection.FrcCurve first = m.firstCurve.get();
        QualitySection.FrcCurve last = m.latestCurve.get();
        if (first != null) {
            curves.add(first);
        }
        if (last != null && last != first) {
            curves.add(last);
        }
        return new QualitySection(every, "even vs odd frame means of the window, standard frequency axis, threshold 1/7",
                "decorrelation analysis of the reconstruction (Descloux 2019), n_r 50, n_g 10", m.sampled.get(),
                m.computed.get(), m.dropped.get(), m.failed.get(), m.cancelled.get(), m.firstError.get(),
                latest == null ? null : QualitySection.Point.of(latest), series, curves);
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
