package org.flowscope.app.report;

import java.util.List;
import java.util.Locale;
import org.flowscope.app.image.GrayImage;
import org.flowscope.app.image.PngImages;
import org.flowscope.methods.quality.SvgPlot;

/** The report's images and plots (PNG data URLs, {@link SvgPlot} SVGs). */
final class ReportFigures {
    private ReportFigures() {
    }

    /** First, last and temporal mean of a stack, each with its own display range (0.1 % to 99.9 %). */
    static void stack(HtmlReport html, StackPreview p, String what) {
        String size = p.first().width() + "×" + p.first().height() + " px"
                + (Double.isFinite(p.pixelSizeNm()) ? String.format(Locale.ROOT, ", %.4g nm/px", p.pixelSizeNm()) : "");
        html.paragraph(p.file().getFileName() + ": " + p.frames() + " frame(s) of " + size, "muted");
        html.figures();
        image(html, p.first(), what + " — first frame");
        if (p.frames() > 1) {
            image(html, p.last(), what + " — last frame (" + (p.frames() - 1) + ")");
            image(html, p.mean(), what + " — temporal mean of " + p.frames() + " frames");
        }
        html.endFigures();
    }

    static void image(HtmlReport html, GrayImage img, String caption) {
        PngImages.Png png = PngImages.encode(img);
        html.image(png.dataUrl(), caption, String.format(Locale.ROOT, "%s; black %.4g, white %.4g%s", caption, png.lo(),
                png.hi(), png.scale() > 1 ? ", shown at 1:" + png.scale() : ""));
    }

    /** Drift per window: x and y against the window's centre frame (or seconds when the frame rate is known). */
    static String drift(SectionViews.Drift d, Double framesPerSecond) {
        int n = d.windows().size();
        double[] t = new double[n];
        double[] x = new double[n];
        double[] y = new double[n];
        boolean seconds = framesPerSecond != null && framesPerSecond > 0;
        boolean nm = d.pixelSizeNm() != null && d.pixelSizeNm() > 0;
        double scale = nm ? d.pixelSizeNm() : 1;
        for (int i = 0; i < n; i++) {
            SectionViews.DriftWindow w = d.windows().get(i);
            t[i] = seconds ? w.centreFrame() / framesPerSecond : w.centreFrame();
            x[i] = w.dxPx() * scale;
            y[i] = w.dyPx() * scale;
        }
        return new SvgPlot("Drift relative to " + d.reference(), seconds ? "time (s)" : "frame",
                "drift (" + (nm ? "nm" : "px") + ")").series("x (columns)", t, x, 2).series("y (rows)", t, y, 2).render();
    }

    /** The first and the latest sample's FRC curves with the 1/7 threshold. */
    static String frcCurves(List<SectionViews.FrcCurve> curves) {
        SvgPlot plot = new SvgPlot("Fourier ring correlation of the raw even/odd halves", "spatial frequency (1/px)", "FRC");
        double threshold = Double.NaN;
        for (SectionViews.FrcCurve c : curves) {
            plot.series("window " + c.window(), c.frequency(), c.frc(), 2);
            threshold = c.threshold();
        }
        return plot.horizontal(threshold, "threshold " + String.format(Locale.ROOT, "%.3f", threshold)).render();
    }

    /** FRC (raw halves) and decorrelation (reconstruction) resolution per sampled window, nm when known. */
    static String resolutionTrend(SectionViews.Quality q) {
        boolean nm = q.series().stream().anyMatch(p -> p.frcNm() != null || p.decorrNm() != null);
        int n = q.series().size();
        double[] w = new double[n];
        double[] frc = new double[n];
        double[] decorr = new double[n];
        for (int i = 0; i < n; i++) {
            SectionViews.QualityPoint p = q.series().get(i);
            w[i] = p.window();
            frc[i] = value(nm ? p.frcNm() : p.frcPx());
            decorr[i] = value(nm ? p.decorrNm() : p.decorrPx());
        }
        return new SvgPlot("Resolution over the run", "window", "resolution (" + (nm ? "nm" : "px") + ")")
                .series("FRC of the raw halves", w, frc, 2).series("decorrelation of the reconstruction", w, decorr, 2).render();
    }

    private static double value(Double v) {
        return v == null ? Double.NaN : v;
    }
}
