package org.flowscope.core.source;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.flowscope.core.frame.PixelType;

/**
 * What a source will deliver, known before it starts.
 *
 * @param width        columns
 * @param height       rows
 * @param pixelType    pixel storage type
 * @param frameCount   number of frames, empty for open-ended sources
 * @param framesPerSecond nominal rate, empty when unknown or unpaced
 * @param pixelSizeNm  pixel size in nm, when known
 */
public record SourceFormat(
        int width,
        int height,
        PixelType pixelType,
        OptionalLong frameCount,
        OptionalDouble framesPerSecond,
        OptionalDouble pixelSizeNm) {
    public SourceFormat {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("source size must be positive, got " + width + "x" + height);
        }
    }
}
