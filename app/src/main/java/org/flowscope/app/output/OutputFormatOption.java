package org.flowscope.app.output;

import java.nio.file.Path;
import org.flowscope.core.io.OutputFormat;
import org.flowscope.core.io.TiffWriteOptions;
import picocli.CommandLine.Option;

/**
 * {@code --format imagej-tiff|ome-tiff}: the file format of a command's image outputs (a picocli mixin). Without the
 * option an output named {@code *.ome.tif} is OME-TIFF and any other ImageJ TIFF; both become BigTIFF past 4 GiB.
 */
public final class OutputFormatOption {
    @Option(names = "--format", paramLabel = "imagej-tiff|ome-tiff",
            description = "Image file format: imagej-tiff (Fiji's own; the default, unless a file name ends in .ome.tif)"
                    + " or ome-tiff (OME-XML with pixel size, time increment and channel name; live names its files"
                    + " *.ome.tif). Either is written as BigTIFF past 4 GiB.")
    String format;

    /** The chosen format; ImageJ TIFF when none was given. */
    public OutputFormat format() {
        return format == null ? OutputFormat.IMAGEJ_TIFF : OutputFormat.parse(format);
    }

    /** The chosen format, or the one {@code file}'s name implies ({@code .ome.tif}) when none was given. */
    public OutputFormat formatFor(Path file) {
        return format == null ? OutputFormat.forFileName(file) : OutputFormat.parse(format);
    }

    /** Write options for {@code file}: its format, the image named after the file, the given channel name. */
    public TiffWriteOptions options(Path file, String channelName) {
        String image = file.getFileName().toString().replaceFirst("(?i)(\\.ome)?\\.tiff?$", "");
        return TiffWriteOptions.of(formatFor(file)).withNames(image, channelName);
    }
}
