package org.flowscope.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.live.SimSpec;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.io.TiffStreamWriter;
import org.flowscope.simulators.camera.CameraParams;
import org.flowscope.simulators.camera.GroundTruth;
import org.flowscope.simulators.camera.GroundTruthFiles;
import org.flowscope.simulators.camera.Pacing;
import org.flowscope.simulators.camera.SimulatedCamera;
import org.flowscope.simulators.camera.SimulationParams;
import org.flowscope.simulators.volume.SimulatedVolumes;
import org.flowscope.simulators.volume.VolumeParams;
import org.flowscope.simulators.volume.VolumeTruthFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flowscope simulate}: a simulated camera stack of blinking emitters plus its ground truth
 * ({@code <base>_emitters.csv}, {@code <base>_drift.csv}, {@code <base>_truth_x<M>.tif}), streamed to disk frame by
 * frame. With {@code --slices Z > 1}: a time series of {@code --frames} volumes of emitters in 3-D (a TZYX hyperstack)
 * with its truth ({@code <base>_emitters.csv}, {@code <base>_truth_x<M>_z<Mz>.tif}), see {@link SimulatedVolumes}.
 * Same parameters and seed, same files.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        description = {"Simulate a camera stack of blinking emitters, with ground truth files next to it.",
                "Coordinates in the truth files: camera pixels, pixel k spans [k, k+1) (centre k+0.5)."})
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Option(names = "--frames", defaultValue = "200", paramLabel = "N", description = "Frames (default: ${DEFAULT-VALUE}).")
    long frames;

    @Option(names = "--size", defaultValue = "128x128", paramLabel = "WxH", description = "Frame size in pixels (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output stack, e.g. stack.tif.")
    Path outFile;

    @Option(names = "--pattern", defaultValue = "filaments", paramLabel = "filaments|grid|random",
            description = "Emitter structure (default: ${DEFAULT-VALUE}).")
    String pattern;

    @Option(names = "--density", defaultValue = "2", paramLabel = "D",
            description = "Emitters per um^2, per um^3 with --slices (default: ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--drift", paramLabel = "VX,VY[,WALK]",
            description = "Stage drift in px/frame: linear velocity along x and y, optional random-walk sigma.")
    String drift;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--fps", defaultValue = "100", paramLabel = "N", description = "Frame rate written as the frame interval (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--photons", paramLabel = "N", description = "Photons per emitter per on-frame (default 500).")
    Double photons;

    @Option(names = "--background", paramLabel = "N", description = "Background photons per pixel per frame (default 10).")
    Double background;

    @Option(names = "--blink", paramLabel = "PON,POFF", description = "Per-frame switching probabilities off->on, on->off (default 0.05,0.3).")
    String blink;

    @Option(names = "--pixel-size", paramLabel = "NM", description = "Camera pixel size in nm (default 100).")
    Double pixelSize;

    @Option(names = "--bit-depth", paramLabel = "B", description = "Camera bit depth 8..16 (default 16).")
    Integer bitDepth;

    @Option(names = "--truth-magnification", defaultValue = "5", paramLabel = "M",
            description = "Magnification of the rendered ground-truth image (default: ${DEFAULT-VALUE}).")
    int magnification;

    @Option(names = "--truth-sigma", defaultValue = "0", paramLabel = "PX",
            description = "Gaussian sigma of the truth image in its own pixels; 0 puts each emitter in one pixel (default: ${DEFAULT-VALUE}).")
    double truthSigma;

    @Option(names = "--slices", defaultValue = "1", paramLabel = "Z",
            description = "Slices per volume; above 1 the stack is a time series of --frames volumes (TZYX hyperstack)"
                    + " of emitters in 3-D, pattern filaments or random (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--z-step", paramLabel = "NM", description = "With --slices: distance between slices (default 300).")
    Double zStep;

    @Option(names = "--psf-ratio", paramLabel = "R",
            description = "With --slices: axial over lateral PSF width, the PSF's elongation in z (default 2.8).")
    Double psfRatio;

    @Option(names = "--truth-magnification-z", paramLabel = "MZ",
            description = "With --slices: axial magnification of the truth volume (default 2).")
    Integer truthMagnificationZ;

    @Override
    public Integer call() {
        if (slices > 1) {
            return volumes();
        }
        if (slices < 1 || zStep != null || psfRatio != null || truthMagnificationZ != null) {
            throw new IllegalArgumentException("--z-step, --psf-ratio and --truth-magnification-z need --slices > 1, got"
                    + " --slices " + slices);
        }
        if (frames < 1) {
            throw new IllegalArgumentException("--frames must be >= 1, got " + frames);
        }
        if (!(fps > 0)) {
            throw new IllegalArgumentException("--fps must be > 0, got " + fps);
        }
        if (magnification < 1) {
            throw new IllegalArgumentException("--truth-magnification must be >= 1, got " + magnification);
        }
        TiffStacks.requireWritableParent(outFile);
        SimulationParams params = SimSpec.params(keys(), frames, fps);
        CameraParams cam = params.camera();
        long t0 = System.nanoTime();
        Map<String, Path> truthFiles;
        GroundTruth truth;
        try (SimulatedCamera camera = new SimulatedCamera(params, Pacing.VIRTUAL);
             TiffStreamWriter writer = TiffStreamWriter.create(outFile, cam.width(), cam.height(), cam.pixelType(),
                     StackMetadata.of(cam.pixelType(), cam.pixelSizeNm(), 1e3 / cam.fps()))) {
            camera.run((md, px) -> writer.append(px));
            truth = camera.truth();
            writer.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        }
        try {
            truthFiles = GroundTruthFiles.write(outFile, truth, magnification, truthSigma);
        } catch (RuntimeException e) {
            deleteQuietly(outFile);
            GroundTruthFiles.paths(outFile, magnification).values().forEach(SimulateCommand::deleteQuietly);
            throw e;
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("stack", outFile.toString());
        r.put("frames", frames);
        r.put("width", cam.width());
        r.put("height", cam.height());
        r.put("pixelType", cam.pixelType().name().toLowerCase(java.util.Locale.ROOT));
        r.put("emitters", truth.emitters().size());
        truthFiles.forEach((k, v) -> r.put(k, v.toString()));
        r.put("seed", seed);
        r.put("elapsedMs", ms);
        out.result(r, String.format("simulated %d frames of %dx%d (%d emitters, %s) -> %s%n  truth: %s",
                frames, cam.width(), cam.height(), truth.emitters().size(), params.sample().pattern().name().toLowerCase(
                        java.util.Locale.ROOT), outFile, String.join(", ", truthFiles.values().stream().map(Path::toString).toList())));
        return ExitCodes.OK;
    }

    /** {@code --slices Z > 1}: volumes of emitters in 3-D and their truth volume. */
    private int volumes() {
        if (drift != null || bitDepth != null || "grid".equalsIgnoreCase(pattern)) {
            throw new IllegalArgumentException("3-D simulation (--slices " + slices + ") has no drift, no bit depth other"
                    + " than 16 and patterns filaments or random only; drop --drift, --bit-depth or --pattern grid");
        }
        if (frames < 1 || frames > Integer.MAX_VALUE || !(fps > 0) || magnification < 1) {
            throw new IllegalArgumentException("--frames must be >= 1, --fps > 0 and --truth-magnification >= 1, got "
                    + frames + ", " + fps + ", " + magnification);
        }
        int mz = truthMagnificationZ == null ? 2 : truthMagnificationZ;
        if (mz < 1) {
            throw new IllegalArgumentException("--truth-magnification-z must be >= 1, got " + mz);
        }
        TiffStacks.requireWritableParent(outFile);
        int[] wh = SimSpec.size(size);
        VolumeParams d = VolumeParams.defaults(wh[0], wh[1], slices, (int) frames, seed);
        double pon = d.pOn();
        double poff = d.pOff();
        if (blink != null) {
            String[] b = blink.split(",");
            if (b.length != 2) {
                throw new IllegalArgumentException("--blink must be PON,POFF, got '" + blink + "'");
            }
            pon = Double.parseDouble(b[0].trim());
            poff = Double.parseDouble(b[1].trim());
        }
        VolumeParams p = d.withPattern(VolumeParams.Pattern.parse(pattern)).withDensity(density)
                .withOptics(pixelSize != null ? pixelSize : d.pixelSizeNm(), zStep != null ? zStep : d.zStepNm(),
                        d.psfSigmaNm(), psfRatio != null ? psfRatio : d.psfRatio())
                .withPhotons(photons != null ? photons : d.photonsPerFrame(),
                        background != null ? background : d.backgroundPhotons())
                .withBlinking(pon, poff);
        long t0 = System.nanoTime();
        SimulatedVolumes sim = SimulatedVolumes.generate(p);
        TiffStacks.writeU16(outFile, sim.planes(), sim.metadata().withFrameIntervalMs(1e3 / fps));
        Map<String, Path> truthFiles;
        try {
            truthFiles = VolumeTruthFiles.write(outFile, sim.truth(), magnification, mz, truthSigma);
        } catch (RuntimeException e) {
            deleteQuietly(outFile);
            VolumeTruthFiles.paths(outFile, magnification, mz).values().forEach(SimulateCommand::deleteQuietly);
            throw e;
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("stack", outFile.toString());
        r.put("timePoints", frames);
        r.put("slices", slices);
        r.put("width", wh[0]);
        r.put("height", wh[1]);
        r.put("zStepNm", p.zStepNm());
        r.put("pixelSizeNm", p.pixelSizeNm());
        r.put("emitters", sim.truth().emitters().size());
        truthFiles.forEach((k, v) -> r.put(k, v.toString()));
        r.put("seed", seed);
        r.put("elapsedMs", (System.nanoTime() - t0) / 1e6);
        out.result(r, String.format(java.util.Locale.ROOT, "simulated %d volumes of %dx%dx%d (%d emitters, %s, z step %.0f"
                + " nm, PSF %.1fx longer in z) -> %s%n  truth: %s", frames, wh[0], wh[1], slices,
                sim.truth().emitters().size(), p.pattern().name().toLowerCase(java.util.Locale.ROOT), p.zStepNm(),
                p.psfRatio(), outFile, String.join(", ", truthFiles.values().stream().map(Path::toString).toList())));
        return ExitCodes.OK;
    }

    private Map<String, String> keys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("size", size);
        k.put("pattern", pattern);
        k.put("density", Double.toString(density));
        k.put("seed", Long.toString(seed));
        if (drift != null) {
            String[] p = drift.split(",");
            if (p.length < 2 || p.length > 3) {
                throw new IllegalArgumentException("--drift must be VX,VY or VX,VY,WALK in px/frame, got '" + drift + "'");
            }
            k.put("driftx", p[0].trim());
            k.put("drifty", p[1].trim());
            if (p.length == 3) {
                k.put("walk", p[2].trim());
            }
        }
        if (blink != null) {
            String[] p = blink.split(",");
            if (p.length != 2) {
                throw new IllegalArgumentException("--blink must be PON,POFF, got '" + blink + "'");
            }
            k.put("pon", p[0].trim());
            k.put("poff", p[1].trim());
        }
        if (photons != null) {
            k.put("photons", photons.toString());
        }
        if (background != null) {
            k.put("background", background.toString());
        }
        if (pixelSize != null) {
            k.put("pixel", pixelSize.toString());
        }
        if (bitDepth != null) {
            k.put("bits", bitDepth.toString());
        }
        return k;
    }

    private static void deleteQuietly(Path p) {
        try {
            java.nio.file.Files.deleteIfExists(p);
        } catch (java.io.IOException ignored) {
            // best effort: the original failure is reported
        }
    }
}
