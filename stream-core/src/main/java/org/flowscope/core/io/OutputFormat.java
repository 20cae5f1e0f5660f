package org.flowscope.core.io;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** File format of an image output. */
public enum OutputFormat {
    /** TIFF with ImageJ's description ({@code images}, {@code frames}, {@code unit}, {@code finterval}): Fiji's own. */
    IMAGEJ_TIFF("imagej-tiff", ".tif"),
    /** OME-TIFF: OME-XML in the first directory (pixel size, time increment, channel name), read by Bio-Formats. */
    OME_TIFF("ome-tiff", ".ome.tif"),
    /**
     * OME-Zarr (OME-NGFF 0.4, Zarr v2): a folder, written while the acquisition runs, chunked along time, with physical
     * pixel size and time increment; read by Python's zarr/ome-zarr, napari and Fiji's N5/OME-Zarr readers.
     */
    OME_ZARR("ome-zarr", ".ome.zarr");

    private final String id;
    private final String suffix;

    OutputFormat(String id, String suffix) {
        this.id = id;
        this.suffix = suffix;
    }

    /** The command-line name ({@code imagej-tiff}, {@code ome-tiff}). */
    public String id() {
        return id;
    }

    /** The file-name suffix of this format ({@code .tif}, {@code .ome.tif}). */
    public String suffix() {
        return suffix;
    }

    /** {@code base + suffix()}, e.g. {@code result.ome.tif}. */
    public String fileName(String base) {
        return base + suffix;
    }

    /** Parses a command-line name; also accepts {@code imagej}, {@code tiff} and {@code ome}. */
    public static OutputFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "imagej-tiff", "imagej", "tiff", "tif" -> IMAGEJ_TIFF;
            case "ome-tiff", "ome", "ome-tif" -> OME_TIFF;
            case "ome-zarr", "zarr", "ngff" -> OME_ZARR;
            default -> throw new IllegalArgumentException("unknown output format '" + name + "': available are "
                    + String.join(", ", Arrays.stream(values()).map(OutputFormat::id).toList()));
        };
    }

    /** Whether this format is a TIFF file (not a folder). */
    public boolean tiff() {
        return this != OME_ZARR;
    }

    /**
     * OME-TIFF for a name ending in {@code .ome.tif} or {@code .ome.tiff}, OME-Zarr for {@code .zarr}, else ImageJ
     * TIFF.
     */
    public static OutputFormat forFileName(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".zarr")) {
            return OME_ZARR;
        }
        return n.endsWith(".ome.tif") || n.endsWith(".ome.tiff") || n.endsWith(".ome.btf") ? OME_TIFF : IMAGEJ_TIFF;
    }
}
