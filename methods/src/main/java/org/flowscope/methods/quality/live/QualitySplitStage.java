package org.flowscope.methods.quality.live;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.flowscope.core.frame.FrameCorrection;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.StreamStage;
import org.flowscope.core.pipeline.Streamable;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.StreamLayout;
import org.flowscope.core.window.WindowEnd;
import org.flowscope.methods.frc.FrcInput;

/**
 * A pass-through live stage that decides which windows are sampled: on those, and only while the quality thread is
 * idle, it takes the means of the even and the odd frames for the FRC (one pass over the window, the only quality
 * work on the analysis thread); the window itself goes on unchanged.
 *
 * <p>Streaming: the frames of sampled windows are added to even and odd sums as they pass; at the window's end each
 * mean is moved back by the mean drift of its frames (one resampling per half instead of one per frame: within a
 * window the drift changes little, and what remains blurs both halves alike).
 */
public final class QualitySplitStage implements WindowOperator, Streamable {
    private final QualityMonitor monitor;

    QualitySplitStage(QualityMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public String name() {
        return "quality-split";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        monitor.onWindow(context.index(), window);
        return window;
    }

    @Override
    public StreamStage openStream(StreamLayout layout, SourceFormat format) {
        return new Sums(layout, format.width(), format.height());
    }

    /** Even/odd sums of the sampled windows in progress. */
    private final class Sums implements StreamStage {
        private final StreamLayout layout;
        private final int width;
        private final int height;
        private final float[] pixels;
        private final Map<Long, Halves> open = new TreeMap<>();

        Sums(StreamLayout layout, int width, int height) {
            this.layout = layout;
            this.width = width;
            this.height = height;
            this.pixels = new float[width * height];
        }

        @Override
        public String name() {
            return "quality-split";
        }

        @Override
        public void frame(StreamFrame f, Downstream out) {
            long p = f.position();
            long last = p / layout.step();
            long first = Math.max(0, Math.floorDiv(p - layout.window(), layout.step()) + 1);
            boolean copied = false;
            for (long e = first; e <= last; e++) {
                if (!monitor.isSample(e)) {
                    continue;
                }
                if (!copied) {
                    f.frame().copyTo(pixels, 0);
                    copied = true;
                }
                open.computeIfAbsent(e, k -> new Halves(pixels.length)).add((p - e * layout.step()) % 2 == 0, pixels,
                        f.shift(), f.correction());
            }
            out.frame(f);
        }

        @Override
        public void windowEnd(WindowEnd end, Downstream out) {
            long e = end.context().index();
            // sampled windows before this one that never ended were skipped
            for (Iterator<Long> it = open.keySet().iterator(); it.hasNext();) {
                if (it.next() < e) {
                    it.remove();
                }
            }
            Halves h = open.remove(e);
            if (h != null) {
                monitor.onWindowPair(e, h.pair(height, width));
            }
            out.windowEnd(end);
        }

        @Override
        public void finish(Downstream out) {
            open.clear();
        }

        @Override
        public void discard() {
            open.clear();
        }
    }

    /** Sums of the even and odd frames of one window and of their shifts. */
    private static final class Halves {
        final double[][] sum = new double[2][];
        final int[] count = new int[2];
        final double[] dx = new double[2];
        final double[] dy = new double[2];
        FrameCorrection correction;

        Halves(int pixels) {
            sum[0] = new double[pixels];
            sum[1] = new double[pixels];
        }

        void add(boolean even, float[] px, FrameShift s, FrameCorrection c) {
            int k = even ? 0 : 1;
            double[] t = sum[k];
            for (int i = 0; i < px.length; i++) {
                t[i] += px[i];
            }
            count[k]++;
            dx[k] += s.dx();
            dy[k] += s.dy();
            if (c != null) {
                correction = c;
            }
        }

        Optional<FrcInput> pair(int height, int width) {
            if (count[0] == 0 || count[1] == 0) {
                return Optional.empty();
            }
            return Optional.of(new FrcInput(mean(0, height, width), mean(1, height, width)));
        }

        private ImageStack mean(int k, int height, int width) {
            float[] m = new float[sum[k].length];
            for (int i = 0; i < m.length; i++) {
                m[i] = (float) (sum[k][i] / count[k]);
            }
            if (correction != null) {
                correction.apply(m, height, width, FrameShift.of(dx[k] / count[k], dy[k] / count[k]));
            }
            return new ImageStack(1, height, width, m);
        }
    }
}
