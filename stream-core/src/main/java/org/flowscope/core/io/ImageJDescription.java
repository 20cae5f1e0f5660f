package org.flowscope.core.io;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The ImageJ "ImageDescription" tag: {@code key=value} lines starting with {@code ImageJ=<version>}. Fiji and
 * tifffile read {@code images}, {@code frames}, {@code unit}, {@code finterval} (seconds, unless {@code tunit}
 * says otherwise) from it.
 */
final class ImageJDescription {
    static final String IMAGEJ_VERSION = "1.54p";

    private ImageJDescription() {
    }

    static Map<String, String> parse(String description) {
        Map<String, String> map = new LinkedHashMap<>();
        if (description == null || !description.startsWith("ImageJ")) {
            return map;
        }
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                map.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return map;
    }

    static int intValue(Map<String, String> desc, String key, int fallback) {
        try {
            return desc.containsKey(key) ? Integer.parseInt(desc.get(key)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static double doubleValue(Map<String, String> desc, String key, double fallback) {
        try {
            return desc.containsKey(key) ? Double.parseDouble(desc.get(key)) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** nm per calibration unit, or 0 for "pixel"/unknown units. */
    static double nmPerUnit(String unit) {
        if (unit == null) {
            return 0;
        }
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "nm", "nanometer", "nanometers" -> 1;
            case "micron", "microns", "um", "\u00b5m", "\u03bcm", "\\u00b5m", "micrometer", "micrometers" -> 1e3;
            case "mm", "millimeter" -> 1e6;
            case "cm" -> 1e7;
            case "m", "meter" -> 1e9;
            default -> 0;
        };
    }

    static double msPerTimeUnit(String unit) {
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "sec", "s", "second", "seconds" -> 1e3;
            case "ms", "msec" -> 1;
            case "us", "\u00b5s", "usec" -> 1e-3;
            case "min" -> 60e3;
            default -> 0;
        };
    }

    /**
     * Description for {@code images} planes, as ImageJ writes it: a (frames, rows, cols) time series, or, when
     * {@code md.slices() > 1} divides {@code images}, a hyperstack of {@code slices} slices per time point
     * ({@code slices}, {@code frames}, {@code hyperstack=true} and the z step as {@code spacing} in the calibration
     * unit). A plane count that is not a whole number of volumes (a cut-off stream) is written as a time series.
     */
    static String build(int images, StackMetadata md, double min, double max) {
        int slices = md.slices() > 1 && images % md.slices() == 0 ? md.slices() : 1;
        int frames = images / slices;
        StringBuilder sb = new StringBuilder("ImageJ=").append(IMAGEJ_VERSION).append('\n');
        if (images > 1) {
            sb.append("images=").append(images).append('\n');
        }
        if (slices > 1) {
            sb.append("slices=").append(slices).append('\n');
        }
        if (frames > 1) {
            sb.append("frames=").append(frames).append('\n');
        }
        if (slices > 1) {
            sb.append("hyperstack=true\n");
        }
        if (md.pixelSizeNm().isPresent()) {
            sb.append("unit=micron\n");
            // ImageJ has one length unit for x, y and z: spacing needs the lateral calibration to mean microns
            if (slices > 1 && md.zStepNm().isPresent()) {
                sb.append("spacing=").append(md.zStepNm().getAsDouble() / 1e3).append('\n');
            }
        }
        if (md.frameIntervalMs().isPresent()) {
            sb.append("finterval=").append(md.frameIntervalMs().getAsDouble() / 1e3).append('\n');
        }
        if (images > 1) {
            sb.append("loop=false\n");
        }
        if (Double.isFinite(min) && Double.isFinite(max) && max > min) {
            sb.append("min=").append(min).append('\n').append("max=").append(max).append('\n');
        }
        return sb.toString();
    }

    /** The z step in nm from {@code spacing} and {@code unit}, or 0 when absent or not a length. */
    static double zStepNm(Map<String, String> desc) {
        double spacing = doubleValue(desc, "spacing", 0);
        double perUnit = nmPerUnit(desc.get("unit"));
        double nm = spacing * perUnit;
        return spacing > 0 && perUnit > 0 && Double.isFinite(nm) ? nm : 0;
    }
}
