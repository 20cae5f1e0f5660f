package org.flowscope.methods.esrrf;

import java.util.Objects;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;

/**
 * A recorded frame stream with each frame's drift.
 *
 * @param frames the frames, in acquisition order
 * @param dx     per frame, columns the content moved (read at {@code x + dx}); null = no drift
 * @param dy     per frame, rows likewise; null exactly when {@code dx} is
 */
public record EsrrfStreamInput(ImageStack frames, float[] dx, float[] dy) {
    public EsrrfStreamInput {
        Objects.requireNonNull(frames, "frames");
        if ((dx == null) != (dy == null)) {
            throw new IllegalArgumentException("give both dx and dy or neither");
        }
        if (dx != null && (dx.length != frames.frames() || dy.length != frames.frames())) {
            throw new IllegalArgumentException("need one shift per frame (" + frames.frames() + "), got " + dx.length
                    + " dx and " + dy.length + " dy");
        }
    }

    /** Frames without drift. */
    public static EsrrfStreamInput of(ImageStack frames) {
        return new EsrrfStreamInput(frames, null, null);
    }

    /** The drift of frame {@code f}. */
    public FrameShift shift(int f) {
        return dx == null ? FrameShift.ZERO : new FrameShift(dx[f], dy[f]);
    }
}
