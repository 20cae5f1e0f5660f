package org.flowscope.app.live;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flowscope.simulators.camera.CameraParams;
import org.flowscope.simulators.camera.DriftParams;
import org.flowscope.simulators.camera.NoiseStreams;
import org.flowscope.simulators.camera.SimulationParams;
import org.flowscope.simulators.sample.Pattern;
import org.flowscope.simulators.sample.SampleParams;

/**
 * Simulation parameters from {@code key=value} pairs, shared by {@code live --source sim:...} and {@code simulate}.
 * Keys: {@code size=WxH, pattern=filaments|grid|random, density=<emitters/um^2>, filaments=N, photons, background,
 * pon, poff, psf=<sigma nm>, pixel=<nm>, bits, offset, gain, readnoise, driftx, drifty, walk (px/frame), seed,
 * pacing, threads (render threads of the simulated camera), noise=sequential|banded (the noise's random streams:
 * {@code sequential}, the default, gives the original frames; {@code banded} one stream per frame and band of rows,
 * other frames of the same statistics, rendered without a sequential pass)}.
 */
public final class SimSpec {
    public static final Set<String> KEYS = Set.of("size", "pattern", "density", "filaments", "photons", "background",
            "pon", "poff", "psf", "pixel", "bits", "offset", "gain", "readnoise", "driftx", "drifty", "walk", "seed", "pacing", "threads", "noise");

    private SimSpec() {
    }

    /** Parses "a=1,b=2" (empty string: no pairs). */
    public static Map<String, String> pairs(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("source option '" + part + "' is not key=value");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown sim option '" + key + "': known are " + new java.util.TreeSet<>(KEYS));
            }
            m.put(key, part.substring(eq + 1).trim());
        }
        return m;
    }

    /** Parses "WxH" into {width, height}. */
    public static int[] size(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].trim());
                int h = Integer.parseInt(p[1].trim());
                if (w > 0 && h > 0) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("size must be WxH with positive integers (e.g. 128x128), got '" + s + "'");
    }

    /** Builds the parameters: defaults overridden by {@code keys}. */
    public static SimulationParams params(Map<String, String> keys, long frames, double fps) {
        CameraParams cam = CameraParams.defaults();
        if (keys.containsKey("size")) {
            int[] wh = size(keys.get("size"));
            cam = cam.withSize(wh[0], wh[1]);
        }
        cam = new CameraParams(cam.width(), cam.height(), num(keys, "pixel", cam.pixelSizeNm()),
                (int) num(keys, "bits", cam.bitDepth()), num(keys, "offset", cam.offsetAdu()), num(keys, "gain", cam.gain()),
                num(keys, "readnoise", cam.readNoiseE()), fps > 0 ? fps : cam.fps());
        SampleParams d = SampleParams.defaults();
        SampleParams sample = new SampleParams(
                keys.containsKey("pattern") ? Pattern.parse(keys.get("pattern")) : d.pattern(),
                num(keys, "density", d.densityPerUm2()), (int) num(keys, "filaments", d.filaments()),
                num(keys, "photons", d.photonsPerFrame()), num(keys, "background", d.backgroundPhotons()),
                num(keys, "pon", d.pOn()), num(keys, "poff", d.pOff()), num(keys, "psf", d.psfSigmaNm()));
        DriftParams drift = new DriftParams(num(keys, "driftx", 0), num(keys, "drifty", 0), num(keys, "walk", 0));
        long seed = (long) num(keys, "seed", 1);
        NoiseStreams noise = keys.containsKey("noise") ? NoiseStreams.parse(keys.get("noise")) : NoiseStreams.SEQUENTIAL;
        return new SimulationParams(cam, sample, drift, frames, seed, noise);
    }

    /** {@code threads=N}: the simulated camera's render threads, else its default for the frame size. */
    public static int renderThreads(Map<String, String> keys, CameraParams camera) {
        if (!keys.containsKey("threads")) {
            return org.flowscope.simulators.camera.SimulatedCamera.defaultRenderThreads(camera);
        }
        double t = num(keys, "threads", 1);
        if (t < 1 || t > 1024 || t != Math.rint(t)) {
            throw new IllegalArgumentException("sim option threads must be a whole number in 1..1024, got '" + keys.get("threads") + "'");
        }
        return (int) t;
    }

    private static double num(Map<String, String> keys, String key, double fallback) {
        String v = keys.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sim option " + key + " must be a number, got '" + v + "'");
        }
    }
}
