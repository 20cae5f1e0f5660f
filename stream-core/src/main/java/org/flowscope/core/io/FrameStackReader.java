package org.flowscope.core.io;

import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;

/**
 * Random access to the frames of a recorded time series (a TIFF stack, an OME-Zarr image, a Micro-Manager dataset),
 * one frame at a time, with its calibration. Problems with the content are {@link IllegalArgumentException}s naming
 * the file and the value. Not thread-safe: one reader per thread.
 */
public interface FrameStackReader extends AutoCloseable {
    /** The file or folder read. */
    Path file();

    int width();

    int height();

    int frameCount();

    /** Storage type of the pixels; {@link #readFrame} returns this type. */
    PixelType pixelType();

    /** Pixel size and frame interval, when the recording has them. */
    StackMetadata metadata();

    /** Frame {@code index} (0-based) in its storage type. */
    PixelData readFrame(int index);

    @Override
    void close();
}
