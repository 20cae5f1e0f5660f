package org.flowscope.app.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.flowscope.app.image.GrayImage;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.squirrel.SquirrelCpu;
import org.flowscope.methods.squirrel.SquirrelInput;
import org.flowscope.methods.squirrel.SquirrelParams;
import org.flowscope.methods.squirrel.SquirrelResult;

/**
 * The SQUIRREL check of a run ({@code flowscope report DIR --squirrel}): the error map between the temporal mean of
 * the reconstruction and the temporal mean of the raw frames (the widefield image the reconstruction should explain),
 * with RSE and RSP. Needs the raw file ({@code --save-raw}) and a reconstruction at an integer magnification of it.
 * Computed with the plain-Java reference implementation, on one core.
 */
public final class SquirrelCheck {
    /**
     * The check's outcome.
     *
     * @param errorMap      |reference-convolved reconstruction - widefield|, reconstruction pixels
     * @param rse           resolution-scaled error
     * @param rsp           resolution-scaled Pearson correlation
     * @param sigmaPx       fitted RSF sigma, reconstruction px
     * @param magnification reconstruction px per raw px
     * @param frames        reconstruction frames averaged
     */
    public record Result(GrayImage errorMap, double rse, double rsp, double sigmaPx, int magnification, int frames) {
    }

    private SquirrelCheck() {
    }

    /** Runs the check on {@code result} and {@code raw}; IllegalArgumentException when either is missing or unfit. */
    public static Result run(Path result, Path raw) {
        for (Path p : new Path[] {result, raw}) {
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--squirrel needs " + p.getFileName() + " in the run folder"
                        + (p == raw ? " (record the run with --save-raw)" : ""));
            }
        }
        StackPreview sr = StackPreview.read(result);
        StackPreview wide = StackPreview.read(raw);
        SquirrelInput in = new SquirrelInput(stack(sr.mean()), stack(wide.mean()));
        SquirrelResult r = SquirrelCpu.compute(SquirrelParams.defaults(), in);
        ImageStack map = r.errorMap();
        return new Result(new GrayImage(map.width(), map.height(), map.data().clone()), r.rse(), r.rsp(), r.sigma(),
                r.magnification(), sr.frames());
    }

    private static ImageStack stack(GrayImage g) {
        return new ImageStack(1, g.height(), g.width(), g.pixels().clone());
    }

    /** The report's SQUIRREL section. */
    static void section(HtmlReport html, Result r) {
        html.section("SQUIRREL error map");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("RSE (resolution-scaled error)", r.rse());
        m.put("RSP (resolution-scaled Pearson)", r.rsp());
        m.put("RSF sigma (reconstruction px)", r.sigmaPx());
        m.put("magnification", r.magnification());
        html.keyValues(m);
        html.figures();
        ReportFigures.image(html, r.errorMap(), String.format(Locale.ROOT, "error map of the mean of %d reconstruction "
                + "frame(s) against the mean raw frame (bright = the reconstruction does not explain the data)", r.frames()));
        html.endFigures();
    }
}
