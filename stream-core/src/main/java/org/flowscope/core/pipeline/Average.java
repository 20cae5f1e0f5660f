package org.flowscope.core.pipeline;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;

/**
 * Temporal mean of a window: {@code out(y, x) = (1/T) * sum_t in(t, y, x)}, summed in double precision, one frame
 * out. Units are those of the input (camera counts). The simplest {@link WindowOperator}; it proves the path.
 *
 * <p>Streaming: each frame is added, when it arrives, to the double sums of its segment (drift-corrected by
 * resampling when a drift stage measured it: an average has no interpolation of its own to fold the shift into);
 * a window adds up its segments, so overlapping windows share them.
 */
public final class Average implements StreamingOperator {
    @Override
    public String name() {
        return "average";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        return mean(window);
    }

    /** Mean over frames of {@code stack}, as a one-frame stack. */
    public static ImageStack mean(ImageStack stack) {
        int n = stack.frameSize();
        double[] sum = new double[n];
        float[] d = stack.data();
        for (int f = 0; f < stack.frames(); f++) {
            int off = stack.offset(f);
            for (int i = 0; i < n; i++) {
                sum[i] += d[off + i];
            }
        }
        float[] out = new float[n];
        double inv = 1.0 / stack.frames();
        for (int i = 0; i < n; i++) {
            out[i] = (float) (sum[i] * inv);
        }
        return ImageStack.ofImage(stack.height(), stack.width(), out);
    }

    @Override
    public FrameStream openStream(StreamLayout layout, SourceFormat format) {
        return new Sums(layout, format.width(), format.height());
    }

    /** Per-segment double sums of the frames. */
    private static final class Sums implements FrameStream {
        private record Segment(long index, double[] sum, int[] count) {
        }

        private final StreamLayout layout;
        private final int width;
        private final int height;
        private final float[] frame;
        private final ArrayDeque<Segment> segments = new ArrayDeque<>();

        Sums(StreamLayout layout, int width, int height) {
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
        public PendingResult windowEnd(WindowEnd end) {
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
}
