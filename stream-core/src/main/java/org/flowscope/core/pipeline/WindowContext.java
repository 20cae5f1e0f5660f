package org.flowscope.core.pipeline;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a window sits in the stream, handed to every {@link WindowOperator} with the window's pixels.
 *
 * @param index              0-based window number in this run
 * @param firstSequence      source sequence number of the window's first frame
 * @param lastSequence       source sequence number of the window's last frame
 * @param firstAcquisitionNs acquisition time of the first frame (ns, source clock)
 * @param lastAcquisitionNs  acquisition time of the last frame (ns, source clock)
 * @param pixelSizeNm        input pixel size in nm, when known
 */
public record WindowContext(
        long index,
        long firstSequence,
        long lastSequence,
        long firstAcquisitionNs,
        long lastAcquisitionNs,
        OptionalDouble pixelSizeNm) {
    public WindowContext {
        if (index < 0) {
            throw new IllegalArgumentException("window index must be >= 0, got " + index);
        }
        Objects.requireNonNull(pixelSizeNm, "pixelSizeNm");
    }

    /** A context for offline use (a whole file is one window): index 0, sequences 0..frames-1, no times. */
    public static WindowContext offline(int frames, OptionalDouble pixelSizeNm) {
        return new WindowContext(0, 0, Math.max(0, frames - 1), 0, 0, pixelSizeNm);
    }
}
