package org.flowscope.core.io;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pixel size and frame interval of a TIFF stack, from the first source that has them, in this order: OME-XML
 * ({@code PhysicalSizeX}, {@code TimeIncrement} or the planes' {@code DeltaT}), the ImageJ description
 * ({@code unit} with the resolution tags, {@code finterval}), Micro-Manager's per-image metadata (tag 51123:
 * {@code PixelSizeUm}, the {@code ElapsedTime-ms} of the first two images) and its summary ({@code Interval_ms}).
 */
final class TiffCalibration {
    private static final Pattern MM_PIXEL = number("PixelSizeUm");
    private static final Pattern MM_ELAPSED = number("ElapsedTime-ms");
    private static final Pattern MM_INTERVAL = number("Interval_ms");

    private TiffCalibration() {
    }

    private static Pattern number(String key) {
        return Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*\"?(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)");
    }

    static OptionalDouble pixelSizeNm(TiffIfd first, Map<String, String> imagej, OmeXml.Info ome) {
        if (ome != null && ome.pixelSizeNm().isPresent()) {
            return plausible(ome.pixelSizeNm().getAsDouble());
        }
        if (first.xResolution() > 0) {
            double perUnit = 0;
            String unit = imagej.get("unit");
            if (unit != null) {
                perUnit = ImageJDescription.nmPerUnit(unit);
            } else if (first.resolutionUnit() == 3) {
                perUnit = 1e7; // pixels per cm
            }
            if (perUnit > 0) {
                OptionalDouble nm = plausible(perUnit / first.xResolution());
                if (nm.isPresent()) {
                    return nm;
                }
            }
        }
        double um = find(MM_PIXEL, first.microManagerJson());
        return um > 0 ? plausible(um * 1e3) : OptionalDouble.empty();
    }

    static OptionalDouble frameIntervalMs(TiffIfd first, TiffIfd second, Map<String, String> imagej, OmeXml.Info ome) {
        if (ome != null && ome.frameIntervalMs().isPresent()) {
            return ome.frameIntervalMs();
        }
        double v = ImageJDescription.doubleValue(imagej, "finterval", 0);
        if (v > 0 && Double.isFinite(v)) {
            double msPerUnit = ImageJDescription.msPerTimeUnit(imagej.getOrDefault("tunit", "sec"));
            if (msPerUnit > 0) {
                return OptionalDouble.of(v * msPerUnit);
            }
        }
        if (second != null) {
            double t0 = find(MM_ELAPSED, first.microManagerJson());
            double t1 = find(MM_ELAPSED, second.microManagerJson());
            if (t1 > t0 && t0 >= 0 && first.microManagerJson() != null) {
                return OptionalDouble.of(t1 - t0);
            }
        }
        double interval = find(MM_INTERVAL, first.microManagerJson());
        return interval > 0 ? OptionalDouble.of(interval) : OptionalDouble.empty();
    }

    /**
     * Outside 0.1 nm .. 1 mm a resolution tag is not a microscope calibration (converted files often carry 72 dpi);
     * TIFF stores 1/pixel size as a rational: its ~1e-8 relative error is rounded away, to 0.001 nm.
     */
    private static OptionalDouble plausible(double nm) {
        if (!(nm >= 0.1 && nm <= 1e6)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.round(nm * 1e3) / 1e3);
    }

    private static double find(Pattern p, String json) {
        if (json == null) {
            return -1;
        }
        Matcher m = p.matcher(json);
        if (!m.find()) {
            return -1;
        }
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
