package org.flowscope.adapters.mm;

import java.util.Map;
import java.util.Objects;

/**
 * One frame popped from MMCore's circular buffer.
 *
 * @param pixels the array MMCore's JNI typemap returned: {@code byte[]} for 1 byte per pixel, {@code short[]}
 *               (values unsigned) for 2; its length follows the camera's <em>current</em> size
 * @param tags   the frame's metadata; values are strings as MMCore stores them ({@code "ImageNumber" -> "17"},
 *               {@code "ElapsedTime-ms" -> "11.46"})
 */
public record MmImage(Object pixels, Map<String, String> tags) {
    /** MMCore's per-frame sequence number tag. */
    public static final String IMAGE_NUMBER = "ImageNumber";
    /** Milliseconds since the sequence started, set by the camera adapter. */
    public static final String ELAPSED_TIME_MS = "ElapsedTime-ms";

    public MmImage {
        Objects.requireNonNull(pixels, "pixels");
        tags = Map.copyOf(tags);
    }
}
