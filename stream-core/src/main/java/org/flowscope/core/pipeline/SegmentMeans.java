package org.flowscope.core.pipeline;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;

/**
 * The streaming temporal mean ({@link StreamingOperator.FrameStream}): each frame is added, when it arrives, to the
 * double sums of its segment (drift-corrected by resampling when a drift stage measured it: a mean has no
 * interpolation of its own to fold the shift into); a window adds up its segments, so overlapping windows share
 * them. Memory: one double image per segment of the longest window.
 */
public final class SegmentMeans implements StreamingOperator.FrameStream {
    private record Segment(long index, double[] sum, int[] count) {
    }

    private final StreamLayout layout;
    private final int width;
    private final int height;
    private final float[] frame;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();

    /** Means of windows cut as {@code layout} from frames of {@code width x height} pixels. */
    public SegmentMeans(StreamLayout layout, int width, int height) {
        this.layout = layout;
        this.width = width;
        this.height = height;
        this.frame = new float[width * height];
    }

    @Override
    public void frame(StreamFrame f) {
        try {
            f.correctedPixels(frame);
        } finally {
            f.release();
        }
        long index = layout.segmentOf(f.position());
        Segment s = segments.peekLast();
        if (s == null || s.index() != index) {
            s = new Segment(index, new double[frame.length], new int[1]);
            segments.addLast(s);
        }
        double[] sum = s.sum();
        for (int i = 0; i < frame.length; i++) {
            sum[i] += frame[i];
        }
        s.count()[0]++;
    }

    @Override
    public StreamingOperator.PendingResult windowEnd(WindowEnd end) {
        long first = layout.segmentOf(end.firstPosition());
        long last = layout.segmentOf(end.endPosition() - 1);
        double[] total = new double[frame.length];
        int frames = 0;
        for (Iterator<Segment> it = segments.iterator(); it.hasNext();) {
            Segment s = it.next();
            if (s.index() < first) {
                it.remove();
                continue;
            }
            if (s.index() > last) {
                break;
            }
            for (int i = 0; i < total.length; i++) {
                total[i] += s.sum()[i];
            }
            frames += s.count()[0];
        }
        if (frames != end.frames()) {
            throw new IllegalStateException("window " + end.context().index() + " has " + end.frames()
                    + " frames but " + frames + " were added");
        }
        float[] out = new float[total.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (total[i] / frames);
        }
        ImageStack image = ImageStack.ofImage(height, width, out);
        return () -> image;
    }

    @Override
    public void close() {
        segments.clear();
    }
}
