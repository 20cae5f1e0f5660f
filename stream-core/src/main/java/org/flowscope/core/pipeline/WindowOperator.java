package org.flowscope.core.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.flowscope.core.image.ImageStack;

/**
 * One stage of the live analysis branch: a window of frames in, a stack out. This is the extension point that
 * drift correction, eSRRF and the plain temporal average plug into.
 *
 * <p><b>Contract.</b> {@link #apply} receives the window as a float32 (frames, rows, cols) {@link ImageStack} that it
 * must treat as read-only (the pipeline may reuse the buffer after {@code apply} returns, so don't keep a
 * reference), and returns a new stack: a corrected window of the same shape (drift), a one-frame reconstruction
 * (average, eSRRF), or anything the next stage accepts. Stages are called on one analysis thread, one window at a
 * time, in order, so they may keep state across windows (a drift reference frame) without locking; what they expose
 * through {@link RunContributor#progressFields()} must still be thread-safe.
 *
 * <p><b>Composition.</b> {@code drift.andThen(esrrf)} is a chain: the output of one stage is the input of the next,
 * with no special code. The pipeline times each stage of a chain separately ({@link #stages()}) and gives each
 * stage that is also a {@link RunContributor} its own {@code run.json} section and progress fields.
 *
 * <p><b>Errors.</b> Throw {@link IllegalArgumentException} for windows the stage cannot accept (wrong shape);
 * any exception ends the run as a runtime failure, and the result file is not committed.
 */
public interface WindowOperator extends AutoCloseable {
    /** Stage name used for timings and counters ("average", "drift", "esrrf"). */
    String name();

    /** Processes one window. */
    ImageStack apply(ImageStack window, WindowContext context);

    /**
     * Output pixels per input pixel along each axis (eSRRF: the magnification); the result's pixel size is the input's
     * divided by this. Default 1.
     */
    default double outputScale() {
        return 1.0;
    }

    /** The individual stages of this operator, in order; a single stage returns itself. */
    default List<WindowOperator> stages() {
        return List.of(this);
    }

    /** This stage followed by {@code next}. */
    default WindowOperator andThen(WindowOperator next) {
        Objects.requireNonNull(next, "next");
        List<WindowOperator> all = new ArrayList<>(stages());
        all.addAll(next.stages());
        return chain(all);
    }

    /** Releases resources (device buffers); called once after the run. */
    @Override
    default void close() {
    }

    /** The stages in order as one operator; a single stage is returned as is. */
    static WindowOperator chain(List<WindowOperator> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("an operator chain needs at least one stage");
        }
        if (stages.size() == 1) {
            return stages.get(0);
        }
        List<WindowOperator> copy = Collections.unmodifiableList(new ArrayList<>(stages));
        return new WindowOperator() {
            @Override
            public String name() {
                return String.join("+", copy.stream().map(WindowOperator::name).toList());
            }

            @Override
            public ImageStack apply(ImageStack window, WindowContext context) {
                ImageStack s = window;
                for (WindowOperator op : copy) {
                    s = op.apply(s, context);
                }
                return s;
            }

            @Override
            public List<WindowOperator> stages() {
                return copy;
            }

            @Override
            public double outputScale() {
                double s = 1;
                for (WindowOperator op : copy) {
                    s *= op.outputScale();
                }
                return s;
            }

            @Override
            public void close() {
                for (WindowOperator op : copy) {
                    op.close();
                }
            }
        };
    }
}
