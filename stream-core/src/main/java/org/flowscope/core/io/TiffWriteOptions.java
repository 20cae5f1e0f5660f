package org.flowscope.core.io;

import java.util.Objects;

/**
 * How a TIFF stack is written.
 *
 * @param format          ImageJ TIFF or OME-TIFF
 * @param bigTiff         {@link BigTiff#AUTO}: classic TIFF while the file fits 4 GiB, BigTIFF past it
 * @param imageName       name of the image (OME {@code Image/@Name})
 * @param channelName     name of the single channel (OME {@code Channel/@Name}, e.g. "raw", "esrrf")
 * @param framesPerRecord frames that belong together (a window's result): recovery keeps whole records only
 */
public record TiffWriteOptions(OutputFormat format, BigTiff bigTiff, String imageName, String channelName,
                               int framesPerRecord) {

    /** When to write BigTIFF (64-bit offsets) instead of classic TIFF. */
    public enum BigTiff {
        /** Classic TIFF when the file fits 4 GiB, BigTIFF otherwise (decided when the file is finished). */
        AUTO,
        /** Always BigTIFF. */
        ALWAYS
    }

    public TiffWriteOptions {
        Objects.requireNonNull(format, "format");
        if (!format.tiff()) {
            throw new IllegalArgumentException("format " + format.id() + " is not a TIFF format");
        }
        Objects.requireNonNull(bigTiff, "bigTiff");
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(channelName, "channelName");
        if (framesPerRecord < 1) {
            throw new IllegalArgumentException("frames per record must be >= 1, got " + framesPerRecord);
        }
        if (imageName.indexOf('\n') >= 0 || channelName.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("image and channel names must be one line, got '" + imageName + "', '"
                    + channelName + "'");
        }
    }

    /** ImageJ TIFF, BigTIFF when needed, image and channel "flowscope", one frame per record. */
    public static TiffWriteOptions defaults() {
        return new TiffWriteOptions(OutputFormat.IMAGEJ_TIFF, BigTiff.AUTO, "flowscope", "flowscope", 1);
    }

    public static TiffWriteOptions of(OutputFormat format) {
        return defaults().withFormat(format);
    }

    public TiffWriteOptions withFormat(OutputFormat f) {
        return new TiffWriteOptions(f, bigTiff, imageName, channelName, framesPerRecord);
    }

    public TiffWriteOptions withBigTiff(BigTiff b) {
        return new TiffWriteOptions(format, b, imageName, channelName, framesPerRecord);
    }

    public TiffWriteOptions withNames(String image, String channel) {
        return new TiffWriteOptions(format, bigTiff, image, channel, framesPerRecord);
    }

    public TiffWriteOptions withFramesPerRecord(int n) {
        return new TiffWriteOptions(format, bigTiff, imageName, channelName, n);
    }
}
