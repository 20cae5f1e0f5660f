package org.flowscope.app.output;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.io.zarr.ZarrStreamWriter;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import picocli.CommandLine.Option;

/**
 * {@code --format imagej-tiff|ome-tiff|ome-zarr}: the file format of a command's image outputs (a picocli mixin).
 * Without the option an output named {@code *.ome.tif} is OME-TIFF, one named {@code *.zarr} OME-Zarr and any other
 * ImageJ TIFF; TIFFs become BigTIFF past 4 GiB.
 */
public final class OutputFormatOption {
    @Option(names = "--format", paramLabel = "imagej-tiff|ome-tiff|ome-zarr",
            description = "Image file format: imagej-tiff (Fiji's own; the default, unless a file name ends in .ome.tif"
                    + " or .zarr), ome-tiff (OME-XML with pixel size, time increment and channel name; live names its"
                    + " files *.ome.tif) or ome-zarr (OME-NGFF 0.4 folder *.ome.zarr, written while a live run goes on,"
                    + " chunked along time, with pixel size and time increment). TIFFs are BigTIFF past 4 GiB.")
    String format;

    /** The chosen format; ImageJ TIFF when none was given. */
    public OutputFormat format() {
        return format == null ? OutputFormat.IMAGEJ_TIFF : OutputFormat.parse(format);
    }

    /** The chosen format, or the one {@code file}'s name implies ({@code .ome.tif}, {@code .zarr}) when none was given. */
    public OutputFormat formatFor(Path file) {
        return format == null ? OutputFormat.forFileName(file) : OutputFormat.parse(format);
    }

    /** TIFF write options for {@code file}: its format, the image named after the file, the given channel name. */
    public TiffWriteOptions options(Path file, String channelName) {
        return TiffWriteOptions.of(formatFor(file)).withNames(imageName(file), channelName);
    }

    private static boolean isZarrName(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zarr");
    }

    private static String imageName(Path file) {
        return file.getFileName().toString().replaceFirst("(?i)(\\.ome)?\\.(tiff?|zarr)$", "");
    }

    /**
     * Throws {@link IllegalArgumentException} when {@code file} cannot be written in its format: its folder is missing
     * or read-only, or the path is a folder where a TIFF goes (or a file where an OME-Zarr folder goes).
     */
    public void requireWritable(Path file) {
        if (formatFor(file) != OutputFormat.OME_ZARR || !isZarrName(file)) {
            TiffStacks.requireWritableParent(file);
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalArgumentException("output directory does not exist or is not writable: " + dir);
        }
        if (Files.exists(file) && !Files.isDirectory(file)) {
            throw new IllegalArgumentException("output path is a file, expected an OME-Zarr folder: " + file);
        }
    }

    /** Writes a float32 stack to {@code file} in its format, atomically (a partial output never looks complete). */
    public void write(Path file, ImageStack stack, StackMetadata metadata, String channelName) {
        if (formatFor(file) == OutputFormat.OME_ZARR && !isZarrName(file)) {
            throw new IllegalArgumentException("--format ome-zarr writes a folder named *.zarr (e.g. "
                    + imageName(file) + ".ome.zarr), got output " + file);
        }
        if (formatFor(file).tiff()) {
            TiffStacks.write(file, stack, metadata, PixelType.F32, options(file, channelName));
        } else {
            ZarrStreamWriter.write(file, stack, metadata, ZarrWriteOptions.named(imageName(file), channelName));
        }
    }
}
