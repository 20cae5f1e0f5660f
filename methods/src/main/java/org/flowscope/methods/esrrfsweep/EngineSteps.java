package org.flowscope.methods.esrrfsweep;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.flowscope.engine.CandidateStatus;
import org.flowscope.engine.Engine;
import org.flowscope.engine.Execution;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the sub-operations through one engine with the command's selection ({@code --backend}, {@code --implementation},
 * {@code --device}), so that the whole sweep shares the engine's devices: one context per GPU, its kernel cache and its
 * buffer pool, instead of a context per parameter combination (NanoJ-eSRRF's sweep, whose GPU memory then runs out).
 * Counts the calls and compute seconds per {@code implementation@device}. Not thread-safe: one sweep at a time.
 *
 * <p>The engine already lets an operation without an implementation of the selected backend choose among its others
 * (SQUIRREL has CPU implementations only). {@code --device TEXT} gets the same treatment here: an operation with no
 * available implementation on a device matching TEXT runs on the engine's choice, so that
 * {@code --backend opencl --device nvidia} puts eSRRF and FRC on the NVIDIA GPU and SQUIRREL on the CPU instead of
 * failing on SQUIRREL.
 */
public final class EngineSteps implements SweepSteps {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSteps.class);

    /** Calls and measured compute seconds of one implementation on one device. */
    public record Usage(int calls, double seconds) {
    }

    private final Engine engine;
    private final RunOptions selection;
    private final Map<String, Usage> usage = new TreeMap<>();
    private final Map<String, RunOptions> perOperation = new HashMap<>();

    public EngineSteps(Engine engine, RunOptions selection) {
        this.engine = engine;
        this.selection = selection;
    }

    @Override
    public <P, I, O> O run(Operation<P, I, O> op, P params, I input) {
        Execution<O> ex = engine.execute(op, params, input, perOperation.computeIfAbsent(op.id(), this::optionsFor));
        usage.merge(ex.decision().choice().label(), new Usage(1, ex.seconds()),
                (a, b) -> new Usage(a.calls() + b.calls(), a.seconds() + b.seconds()));
        return ex.output();
    }

    private RunOptions optionsFor(String operation) {
        if (selection.deviceFilter().isEmpty()) {
            return selection;
        }
        RunOptions device = RunOptions.auto().onDevice(selection.deviceFilter().get());
        boolean onMatchingDevice = engine.candidates(operation).stream().filter(c -> c.availability().available())
                .anyMatch((CandidateStatus c) -> c.device().isPresent() && device.admits(c.info(), c.device().get()));
        if (onMatchingDevice) {
            return selection;
        }
        LOG.info("'{}' has no implementation on a device matching '{}'; the engine chooses among its others", operation,
                selection.deviceFilter().get());
        return RunOptions.auto().recorded(selection.recorded());
    }

    /** Calls and compute seconds per {@code implementation@device}, sorted by label. */
    public Map<String, Usage> usage() {
        return Collections.unmodifiableMap(new TreeMap<>(usage));
    }
}
