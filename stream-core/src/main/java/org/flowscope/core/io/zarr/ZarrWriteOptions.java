package org.flowscope.core.io.zarr;

import java.util.Objects;

/**
 * How an OME-Zarr stream is written.
 *
 * @param imageName       the image's name ({@code multiscales[0].name}, e.g. "raw", "result")
 * @param channelName     what the single channel holds ("raw", "esrrf"), kept in the {@code flowscope} attributes
 * @param framesPerRecord frames that belong together (a window's result): recovery keeps whole records only
 * @param framesPerChunk  frames per chunk along t; 0 picks about {@value #TARGET_CHUNK_BYTES} bytes per chunk
 *                        (at least 1, at most {@value #MAX_FRAMES_PER_CHUNK} frames)
 */
public record ZarrWriteOptions(String imageName, String channelName, int framesPerRecord, int framesPerChunk) {
    /**
     * Aim of the automatic chunk size: large enough to keep files (and their creation) few, small enough that a
     * reader sees new frames soon; 16 frames of 512x512 u16 (measured faster than 4, see docs/benchmarks.md).
     */
    public static final long TARGET_CHUNK_BYTES = 8L << 20;
    public static final int MAX_FRAMES_PER_CHUNK = 256;

    public ZarrWriteOptions {
        Objects.requireNonNull(imageName, "imageName");
        Objects.requireNonNull(channelName, "channelName");
        if (framesPerRecord < 1) {
            throw new IllegalArgumentException("frames per record must be >= 1, got " + framesPerRecord);
        }
        if (framesPerChunk < 0 || framesPerChunk > MAX_FRAMES_PER_CHUNK) {
            throw new IllegalArgumentException("frames per chunk must be 0 (automatic) to " + MAX_FRAMES_PER_CHUNK
                    + ", got " + framesPerChunk);
        }
    }

    /** Image and channel names, one frame per record, automatic chunks. */
    public static ZarrWriteOptions named(String imageName, String channelName) {
        return new ZarrWriteOptions(imageName, channelName, 1, 0);
    }

    public ZarrWriteOptions withFramesPerRecord(int n) {
        return new ZarrWriteOptions(imageName, channelName, n, framesPerChunk);
    }

    public ZarrWriteOptions withFramesPerChunk(int n) {
        return new ZarrWriteOptions(imageName, channelName, framesPerRecord, n);
    }

    /** The frames per chunk for frames of {@code frameBytes} bytes. */
    int framesPerChunk(long frameBytes) {
        if (framesPerChunk > 0) {
            return framesPerChunk;
        }
        return (int) Math.max(1, Math.min(MAX_FRAMES_PER_CHUNK, TARGET_CHUNK_BYTES / frameBytes));
    }
}
