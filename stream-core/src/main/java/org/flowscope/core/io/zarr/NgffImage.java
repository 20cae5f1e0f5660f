package org.flowscope.core.io.zarr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;

/**
 * The OME-NGFF 0.4 image metadata in a group's {@code .zattrs}: one {@code multiscales} entry with the axes
 * {@code t} (time, second), {@code y}, {@code x} (space, micrometer) and one dataset, {@code "0"}, whose scale
 * transformation is (frame interval in s, pixel size in µm, pixel size in µm). An unknown calibration is written as
 * scale 1 without a unit, never as a made-up value.
 *
 * <p>Reading accepts any NGFF 0.4 image whose axes are a subset of {@code t, c, z, y, x} in that order: the first
 * dataset is the full-resolution array, and its scale gives the pixel size and frame interval when the axes carry
 * units ({@code micrometer}, {@code nanometer}, ...; {@code second}, {@code millisecond}, ...).
 */
public final class NgffImage {
    /** File name of a group's attributes in Zarr v2. */
    public static final String ATTRS = ".zattrs";
    /** File name that marks a Zarr v2 group. */
    public static final String GROUP = ".zgroup";
    /** The single dataset flowscope writes: the full-resolution array. */
    public static final String DATASET = "0";

    private NgffImage() {
    }

    /**
     * The attributes of a t/y/x image named {@code name}, calibrated by {@code md}, with {@code flowscope}'s own
     * section (how far the stream got) beside {@code multiscales}.
     */
    public static ObjectNode attributes(String name, StackMetadata md, ObjectNode flowscope) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode ms = root.putArray("multiscales").addObject();
        ms.put("version", "0.4");
        ms.put("name", name);
        ArrayNode axes = ms.putArray("axes");
        axis(axes, "t", "time", md.frameIntervalMs().isPresent() ? "second" : null);
        axis(axes, "y", "space", md.pixelSizeNm().isPresent() ? "micrometer" : null);
        axis(axes, "x", "space", md.pixelSizeNm().isPresent() ? "micrometer" : null);
        ObjectNode ds = ms.putArray("datasets").addObject();
        ds.put("path", DATASET);
        double px = md.pixelSizeNm().isPresent() ? md.pixelSizeNm().getAsDouble() / 1e3 : 1;
        double dt = md.frameIntervalMs().isPresent() ? md.frameIntervalMs().getAsDouble() / 1e3 : 1;
        ArrayNode scale = ds.putArray("coordinateTransformations").addObject().put("type", "scale").putArray("scale");
        scale.add(dt).add(px).add(px);
        root.set("flowscope", flowscope);
        return root;
    }

    private static void axis(ArrayNode axes, String name, String type, String unit) {
        ObjectNode a = axes.addObject().put("name", name).put("type", type);
        if (unit != null) {
            a.put("unit", unit);
        }
    }

    /**
     * What an image's attributes say.
     *
     * @param axes        axis names, slowest first ({@code t}, {@code y}, {@code x}, ...)
     * @param datasetPath path of the full-resolution array, relative to the group
     * @param metadata    pixel size and frame interval when the axes have units (pixel type as given)
     */
    public record Parsed(List<String> axes, String datasetPath, StackMetadata metadata) {
    }

    /** Parses an NGFF 0.4 image's {@code .zattrs}; {@code file} names it in errors. */
    public static Parsed parse(JsonNode attrs, PixelType type, Path file) {
        JsonNode ms = attrs.path("multiscales");
        if (!ms.isArray() || ms.isEmpty()) {
            throw new IllegalArgumentException("no OME-NGFF 'multiscales' in " + file + ": not an OME-Zarr image");
        }
        JsonNode m = ms.get(0);
        String version = m.path("version").asText("");
        if (!version.isEmpty() && !version.startsWith("0.4") && !version.startsWith("0.3")) {
            throw new IllegalArgumentException("unsupported OME-NGFF version " + version + " in " + file
                    + ": flowscope reads 0.4 (Zarr v2)");
        }
        List<String> names = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (JsonNode a : m.path("axes")) {
            names.add((a.isTextual() ? a.asText() : a.path("name").asText()).toLowerCase(Locale.ROOT));
            units.add(a.isTextual() ? "" : a.path("unit").asText("").toLowerCase(Locale.ROOT));
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("multiscales without 'axes' in " + file);
        }
        String order = "tczyx";
        int last = -1;
        for (String n : names) {
            int at = order.indexOf(n);
            if (n.length() != 1 || at <= last) {
                throw new IllegalArgumentException("unsupported axes " + names + " in " + file
                        + ": expected a subset of t, c, z, y, x in that order");
            }
            last = at;
        }
        if (!names.contains("y") || !names.contains("x")) {
            throw new IllegalArgumentException("axes " + names + " in " + file + " lack y and x");
        }
        JsonNode ds = m.path("datasets");
        if (!ds.isArray() || ds.isEmpty() || !ds.get(0).path("path").isTextual()) {
            throw new IllegalArgumentException("multiscales without 'datasets' in " + file);
        }
        double[] scale = new double[names.size()];
        java.util.Arrays.fill(scale, 1);
        for (JsonNode t : ds.get(0).path("coordinateTransformations")) {
            if ("scale".equals(t.path("type").asText()) && t.path("scale").size() == names.size()) {
                for (int i = 0; i < scale.length; i++) {
                    scale[i] = t.path("scale").get(i).asDouble(1);
                }
            }
        }
        int x = names.indexOf("x");
        int t = names.indexOf("t");
        double nmPerUnit = spaceUnitNm(units.get(x));
        double msPerUnit = t < 0 ? Double.NaN : timeUnitMs(units.get(t));
        StackMetadata md = StackMetadata.of(type,
                Double.isNaN(nmPerUnit) ? 0 : scale[x] * nmPerUnit,
                Double.isNaN(msPerUnit) ? 0 : scale[t] * msPerUnit);
        return new Parsed(List.copyOf(names), ds.get(0).path("path").asText(), md);
    }

    /** Nanometres per unit, NaN when the unit is missing or unknown. */
    static double spaceUnitNm(String unit) {
        return switch (unit) {
            case "nanometer" -> 1;
            case "micrometer" -> 1e3;
            case "millimeter" -> 1e6;
            case "angstrom" -> 0.1;
            case "meter" -> 1e9;
            default -> Double.NaN;
        };
    }

    /** Milliseconds per unit, NaN when the unit is missing or unknown. */
    static double timeUnitMs(String unit) {
        return switch (unit) {
            case "second" -> 1e3;
            case "millisecond" -> 1;
            case "microsecond" -> 1e-3;
            case "minute" -> 6e4;
            default -> Double.NaN;
        };
    }
}
