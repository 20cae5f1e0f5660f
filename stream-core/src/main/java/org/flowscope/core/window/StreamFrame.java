package org.flowscope.core.window;

import java.util.Objects;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FrameCorrection;
import org.flowscope.core.frame.FrameShift;

/**
 * A frame on its way through a streaming analysis: the pooled frame (this object holds one reference, which its
 * holder passes on or releases exactly once), its position in the analysed stream (0, 1, ... counting frames handed
 * to the analysis) and, once a drift stage has measured it, its {@link FrameShift} with the correction that undoes
 * it for operators that resample.
 */
public final class StreamFrame {
    private final Frame frame;
    private final long position;
    private final FrameShift shift;
    private final FrameCorrection correction;

    /** A frame with no drift; takes over one reference of {@code frame}. */
    public StreamFrame(Frame frame, long position) {
        this(frame, position, FrameShift.ZERO, null);
    }

    private StreamFrame(Frame frame, long position, FrameShift shift, FrameCorrection correction) {
        this.frame = Objects.requireNonNull(frame, "frame");
        if (position < 0) {
            throw new IllegalArgumentException("stream position must be >= 0, got " + position);
        }
        this.position = position;
        this.shift = Objects.requireNonNull(shift, "shift");
        this.correction = correction;
    }

    /** The same frame (same reference, so use one or the other) with its drift and how to resample it away. */
    public StreamFrame withShift(FrameShift s, FrameCorrection c) {
        return new StreamFrame(frame, position, s, Objects.requireNonNull(c, "correction"));
    }

    public Frame frame() {
        return frame;
    }

    public long position() {
        return position;
    }

    /** The frame's drift; {@link FrameShift#ZERO} when none was measured. */
    public FrameShift shift() {
        return shift;
    }

    /** How to resample the drift away (null when no drift stage measured this frame). */
    public FrameCorrection correction() {
        return correction;
    }

    /** The pixels as floats in {@code dst[0 .. height*width)}, resampled to undo the drift when there is one. */
    public void correctedPixels(float[] dst) {
        frame.copyTo(dst, 0);
        if (!shift.isZero() && correction != null) {
            correction.apply(dst, frame.metadata().height(), frame.metadata().width(), shift);
        }
    }

    /** Gives the frame reference back. */
    public void release() {
        frame.release();
    }

    @Override
    public String toString() {
        return "StreamFrame[" + position + ", seq " + frame.sequence() + ", " + shift + "]";
    }
}
