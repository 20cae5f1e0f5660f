package org.flowscope.methods.srrf;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;

/**
 * The live SRRF stage: one super-resolved frame {@code (1, H M, W M)} per window, the window being one time point.
 * The engine chooses the implementation for every window (and learns from the times) unless the command line narrows
 * the choice. The engine belongs to the caller, which closes it. Called on one analysis thread; the progress fields
 * read volatile fields and atomics.
 */
public final class SrrfWindowOperator implements WindowOperator, RunContributor {
    private final Engine engine;
    private final SrrfParams params;
    private final RunOptions options;
    private final Map<String, Long> byImplementation = new TreeMap<>();
    private final AtomicLong windows = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private volatile String lastImplementation = "-";
    private volatile double lastMs;

    /**
     * @param engine  the engine that runs every window (not closed by this stage)
     * @param params  SRRF parameters; frames per time point is ignored (a window is one time point)
     * @param options implementation choice ({@code RunOptions.auto()} or a forced backend)
     * @param window  frames per window: a cumulant needs enough of them ({@link Temporal#minimumFrames})
     */
    public SrrfWindowOperator(Engine engine, SrrfParams params, RunOptions options, int window) {
        this.engine = engine;
        this.params = params.withFramesPerTimePoint(0);
        this.options = options;
        int needed = params.temporal().minimumFrames(params.geometry());
        if (window < needed) {
            throw new IllegalArgumentException("SRRF " + params.temporal() + " needs windows of at least " + needed
                    + " frames, got --window " + window);
        }
    }

    @Override
    public String name() {
        return "srrf";
    }

    /** The magnification: each result pixel is 1/M of an input pixel. */
    @Override
    public double outputScale() {
        return params.magnification();
    }

    @Override
    public String section() {
        return "srrf";
    }

    @Override
    public ImageStack apply(ImageStack window, WindowContext context) {
        long t0 = System.nanoTime();
        Execution<ImageStack> ex = engine.execute(new Srrf(), params, window, options);
        String impl = ex.decision().choice().implementation();
        long ns = System.nanoTime() - t0;
        synchronized (byImplementation) {
            byImplementation.merge(impl, 1L, Long::sum);
        }
        windows.incrementAndGet();
        totalNanos.addAndGet(ns);
        lastImplementation = impl;
        lastMs = ns / 1e6;
        return ex.output();
    }

    @Override
    public Map<String, String> progressFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("srrf", String.format(Locale.ROOT, "%s %.0f ms", lastImplementation, lastMs));
        return f;
    }

    @Override
    public Object runJsonSection() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("magnification", params.magnification());
        s.put("ringRadius", params.ringRadius());
        s.put("border", params.border());
        s.put("temporal", params.temporal().name());
        s.put("positivityConstraint", params.positivityConstraint());
        s.put("intensityWeighting", params.intensityWeighting());
        s.put("macroPixelCorrection", params.macroPixelCorrection());
        s.put("geometry", params.geometry().name());
        s.put("backend", options.toString());
        s.put("windows", windows.get());
        s.put("meanMsPerWindow", windows.get() == 0 ? 0 : totalNanos.get() / 1e6 / windows.get());
        synchronized (byImplementation) {
            s.put("windowsByImplementation", new TreeMap<>(byImplementation));
        }
        return s;
    }
}
