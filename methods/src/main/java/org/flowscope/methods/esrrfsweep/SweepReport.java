package org.flowscope.methods.esrrfsweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.quality.QualityInputs;

/**
 * What {@code process esrrf-sweep} reports ({@code --json}) and writes as {@code best.json}. Values that could not be
 * measured are null (JSON has no NaN).
 *
 * @param input                 the input file
 * @param out                   the output folder
 * @param inputFrames           frames of the input
 * @param width                 input width, pixels
 * @param height                input height, pixels
 * @param fixed                 the settings shared by every combination
 * @param axes                  the axes of the maps, in the order of their TIFF and CSV layout
 * @param best                  the combination with the highest QnR, null when none could be scored
 * @param bestPerFrameCount     the best combination at each frame count (null entries where none could be scored)
 * @param unscored              combinations without a QnR, with the reasons
 * @param gridLimited           combinations with at least one block whose FRC never crossed 1/7 (resolution finer than
 *                              the SR grid shows, counted at its limit of 2 SR pixels)
 * @param files                 every file written, by name
 * @param seconds               wall time of the sweep (reconstructions and metrics, not the file writing)
 * @param secondsPerCombination {@code seconds} divided by the number of combinations
 * @param implementations       calls and compute seconds per {@code implementation@device}
 * @param gpuDevices            the engine's GPU devices before, after the first combination and at the end
 */
public record SweepReport(String input, String out, int inputFrames, int width, int height, Fixed fixed, Axes axes,
        Best best, List<Best> bestPerFrameCount, List<Unscored> unscored, int gridLimited, Map<String, String> files, double seconds,
        double secondsPerCombination, Map<String, EngineSteps.Usage> implementations, List<DeviceLedger.GpuUse> gpuDevices) {

    /** Settings every combination shares. */
    public record Fixed(int magnification, String temporal, String geometry, boolean intensityWeighting,
            boolean macroPixelCorrection, String resolutionMetric, Double pixelSizeNm) {
    }

    /**
     * The map layout: TIFF x (columns) = radius, y (rows) = sensitivity, frame (slice) = frame count; the CSV maps have
     * one row per (frames, sensitivity) and one column per radius.
     */
    public record Axes(List<Float> radius, List<Float> sensitivity, List<Integer> frames, String layout) {
    }

    /** One combination's figures and the {@code process esrrf} command that reconstructs with it. */
    public record Best(float radius, float sensitivity, int frames, Double qnr, Double rsp, Double resolution,
            String resolutionUnit, boolean resolutionAtGridLimit, String esrrfCommand) {
    }

    /** A combination without a QnR. */
    public record Unscored(float radius, float sensitivity, int frames, Double rsp, Double resolution, List<String> problems) {
    }

    static SweepReport of(Path input, Path out, ImageStack stack, EsrrfSweepParams p, SweepResult r, double seconds,
            Map<String, EngineSteps.Usage> usage, List<DeviceLedger.GpuUse> gpus, Map<String, Path> files) {
        var e = p.esrrf();
        Fixed fixed = new Fixed(e.magnification(), e.temporal().name(), e.geometry().name().toLowerCase(Locale.ROOT),
                e.intensityWeighting(), e.macroPixelCorrection(), r.metric().name().toLowerCase(Locale.ROOT),
                QualityInputs.finiteOrNull(r.pixelSizeNm()));
        Axes axes = new Axes(r.radii(), r.sensitivities(), r.frameCounts(),
                "x = radius, y = sensitivity, frame = frames per reconstruction");
        List<Best> perCount = new ArrayList<>();
        for (int f = 0; f < r.frameCounts().size(); f++) {
            int b = r.bestFor(f);
            perCount.add(b < 0 ? null : best(input, p, r, r.cells().get(b), stack.frames()));
        }
        List<Unscored> unscored = new ArrayList<>();
        for (SweepCell c : r.cells()) {
            if (!Double.isFinite(c.qnr())) {
                unscored.add(new Unscored(c.radius(), c.sensitivity(), c.frames(), QualityInputs.finiteOrNull(c.rsp()),
                        QualityInputs.finiteOrNull(r.resolutionInUnit(c)), c.problems()));
            }
        }
        int limited = (int) r.cells().stream().filter(c -> c.gridLimitedBlocks() > 0).count();
        Map<String, String> names = new LinkedHashMap<>();
        files.forEach((k, v) -> names.put(k, v.toString()));
        return new SweepReport(input.toString(), out.toString(), stack.frames(), stack.width(), stack.height(), fixed, axes,
                r.bestCell().map(c -> best(input, p, r, c, stack.frames())).orElse(null), perCount, unscored, limited, names,
                seconds, seconds / r.cells().size(), usage, gpus);
    }

    private static Best best(Path input, EsrrfSweepParams p, SweepResult r, SweepCell c, int stackFrames) {
        return new Best(c.radius(), c.sensitivity(), c.frames(), QualityInputs.finiteOrNull(c.qnr()),
                QualityInputs.finiteOrNull(c.rsp()), QualityInputs.finiteOrNull(r.resolutionInUnit(c)), r.resolutionUnit(),
                c.gridLimitedBlocks() > 0, EsrrfSweepCommand.esrrfCommand(input, p, c, stackFrames));
    }

    /** The human summary. */
    String summary() {
        int n = axes.radius().size() * axes.sensitivity().size() * axes.frames().size();
        String head = String.format(Locale.ROOT, "eSRRF sweep of %d radii x %d sensitivities x %d frame count(s) on %d frames "
                + "of %dx%d (x%d, %s, %s) in %.1f s (%.2f s per combination)", axes.radius().size(), axes.sensitivity().size(),
                axes.frames().size(), inputFrames, width, height, fixed.magnification(), fixed.temporal(),
                fixed.resolutionMetric(), seconds, secondsPerCombination);
        String tail = best == null ? "no combination could be scored" : String.format(Locale.ROOT,
                "best: radius %s, sensitivity %s, %d frames (QnR %.3f, RSP %.3f, resolution %.3g %s)%n  %s", best.radius(),
                best.sensitivity(), best.frames(), best.qnr(), best.rsp(), best.resolution(), best.resolutionUnit(),
                best.esrrfCommand());
        String skipped = unscored.isEmpty() ? "" : String.format(Locale.ROOT, "%n%d of %d combinations unscored (see sweep.csv)",
                unscored.size(), n);
        String limit = gridLimited == 0 ? "" : String.format(Locale.ROOT, "%n%d of %d combinations resolve finer than the x%d "
                + "grid shows (FRC above 1/7 up to Nyquist) and count at its limit, 2 SR px: a larger --magnification "
                + "tells them apart", gridLimited, n, fixed.magnification());
        return head + "\n" + tail + skipped + limit + "\nmaps -> " + out;
    }
}
