package org.flowscope.methods.esrrfsweep;

import java.util.Map;
import java.util.TreeMap;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.Operation;

/**
 * Runs the sub-operations through one engine with the command's selection ({@code --backend}, {@code --implementation},
 * {@code --device}), so that the whole sweep shares the engine's devices: one context per GPU, its kernel cache and its
 * buffer pool, instead of a context per parameter combination (NanoJ-eSRRF's sweep, whose GPU memory then runs out).
 * Counts the calls and compute seconds per {@code implementation@device}. Not thread-safe: one sweep at a time.
 */
public final class EngineSteps implements SweepSteps {
    /** Calls and measured compute seconds of one implementation on one device. */
    public record Usage(int calls, double seconds) {
    }

    private final Engine engine;
    private final RunOptions selection;
    private final Map<String, Usage> usage = new TreeMap<>();

    public EngineSteps(Engine engine, RunOptions selection) {
        this.engine = engine;
        this.selection = selection;
    }

    @Override
    public <P, I, O> O run(Operation<P, I, O> op, P params, I input) {
        Execution<O> ex = engine.execute(op, params, input, selection);
        usage.merge(ex.decision().choice().label(), new Usage(1, ex.seconds()),
                (a, b) -> new Usage(a.calls() + b.calls(), a.seconds() + b.seconds()));
        return ex.output();
    }

    /** Calls and compute seconds per {@code implementation@device}, sorted by label. */
    public Map<String, Usage> usage() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(usage));
    }
}
