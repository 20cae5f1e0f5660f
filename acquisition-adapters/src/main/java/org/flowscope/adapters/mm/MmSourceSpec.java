package org.flowscope.adapters.mm;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What an {@code mm:} source string asks for.
 *
 * <p>Two forms:
 * <ul>
 *   <li>{@code mm:config=FILE.cfg[,…]} loads a Micro-Manager configuration file and uses its camera;</li>
 *   <li>{@code mm:module=DemoCamera,device=DCam[,label=L][,exposure=MS][,roi=x:y:w:h][,binning=N][,buffer=MB]
 *       [,Property=Value…]} loads one camera device.</li>
 * </ul>
 * Every key that is not one of the reserved keys above is a camera property (case-sensitive, as MMCore names it,
 * e.g. {@code PixelType=16bit}). Values cannot contain commas.
 *
 * @param configFile  configuration file, or empty
 * @param module      device adapter module, or empty (with a configuration file)
 * @param device      device name inside the module, or empty
 * @param label       label given to the loaded camera
 * @param exposureMs  exposure in ms, when given
 * @param roi         region of interest in camera pixels, when given
 * @param binning     camera binning, when given
 * @param bufferMb    circular buffer size in MB, when given
 * @param properties  camera properties to set, in the order given
 */
public record MmSourceSpec(
        Optional<Path> configFile,
        Optional<String> module,
        Optional<String> device,
        String label,
        OptionalDouble exposureMs,
        Optional<Roi> roi,
        OptionalInt binning,
        OptionalLong bufferMb,
        Map<String, String> properties) {

    /** The scheme prefix of a Micro-Manager source string. */
    public static final String SCHEME = "mm:";

    public MmSourceSpec {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(label, "label");
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        if (configFile.isPresent() == module.isPresent()) {
            throw new IllegalArgumentException(
                    "an mm: source needs either config=FILE.cfg or module=…,device=…, not "
                            + (configFile.isPresent() ? "both" : "neither"));
        }
        if (module.isPresent() != device.isPresent()) {
            throw new IllegalArgumentException("mm: module= and device= go together, got "
                    + (module.isPresent() ? "module=" + module.get() + " without device=" : "device= without module="));
        }
        if (exposureMs.isPresent() && !(exposureMs.getAsDouble() >= 0 && exposureMs.getAsDouble() <= 10_000)) {
            throw new IllegalArgumentException("mm: exposure must be in [0, 10000] ms, got " + exposureMs.getAsDouble());
        }
        if (binning.isPresent() && binning.getAsInt() < 1) {
            throw new IllegalArgumentException("mm: binning must be >= 1, got " + binning.getAsInt());
        }
        if (bufferMb.isPresent() && bufferMb.getAsLong() < 1) {
            throw new IllegalArgumentException("mm: buffer must be >= 1 MB, got " + bufferMb.getAsLong());
        }
    }

    /** A camera region of interest in camera pixels. */
    public record Roi(int x, int y, int width, int height) {
        public Roi {
            if (x < 0 || y < 0 || width <= 0 || height <= 0) {
                throw new IllegalArgumentException(
                        "mm: roi must be x:y:w:h with x,y >= 0 and w,h > 0, got " + x + ":" + y + ":" + width + ":" + height);
            }
        }
    }

    /** True when {@code source} starts with {@code mm:}. */
    public static boolean matches(String source) {
        return source != null && source.startsWith(SCHEME);
    }

    /**
     * Parses {@code mm:key=value,key=value…}.
     *
     * @throws IllegalArgumentException naming the offending entry
     */
    public static MmSourceSpec parse(String source) {
        if (!matches(source)) {
            throw new IllegalArgumentException("an mm: source must start with 'mm:', got '" + source + "'");
        }
        String body = source.substring(SCHEME.length());
        Optional<Path> config = Optional.empty();
        Optional<String> module = Optional.empty();
        Optional<String> device = Optional.empty();
        String label = null;
        OptionalDouble exposure = OptionalDouble.empty();
        Optional<Roi> roi = Optional.empty();
        OptionalInt binning = OptionalInt.empty();
        OptionalLong buffer = OptionalLong.empty();
        Map<String, String> properties = new LinkedHashMap<>();
        if (body.isBlank()) {
            throw new IllegalArgumentException("an mm: source needs config=FILE.cfg or module=…,device=…, got 'mm:'");
        }
        for (String entry : body.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("mm: entries are key=value, got '" + entry + "'");
            }
            String key = entry.substring(0, eq).trim();
            String value = entry.substring(eq + 1).trim();
            switch (key) {
                case "config" -> config = Optional.of(Path.of(value));
                case "module" -> module = Optional.of(value);
                case "device" -> device = Optional.of(value);
                case "label" -> label = value;
                case "exposure" -> exposure = OptionalDouble.of(number(key, value));
                case "roi" -> roi = Optional.of(parseRoi(value));
                case "binning" -> binning = OptionalInt.of((int) integer(key, value));
                case "buffer" -> buffer = OptionalLong.of(integer(key, value));
                default -> {
                    if (properties.put(key, value) != null) {
                        throw new IllegalArgumentException("mm: property '" + key + "' given twice");
                    }
                }
            }
        }
        return new MmSourceSpec(config, module, device, label != null ? label : device.orElse(""),
                exposure, roi, binning, buffer, properties);
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mm: " + key + " must be a number, got '" + value + "'", e);
        }
    }

    private static long integer(String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mm: " + key + " must be an integer, got '" + value + "'", e);
        }
    }

    private static Roi parseRoi(String value) {
        String[] parts = value.split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("mm: roi must be x:y:w:h, got '" + value + "'");
        }
        return new Roi((int) integer("roi", parts[0]), (int) integer("roi", parts[1]),
                (int) integer("roi", parts[2]), (int) integer("roi", parts[3]));
    }
}
