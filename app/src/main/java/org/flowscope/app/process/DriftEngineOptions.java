package org.flowscope.app.process;

import org.flowscope.app.engine.EngineOptions;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;
import org.flowscope.methods.crosscorrelation.CrossCorrelation;
import org.flowscope.methods.drift.DriftCorrection;
import org.flowscope.methods.drift.DriftShifter;
import org.flowscope.methods.drift.ShiftMeasurer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Engine options of the drift and registration commands: which implementation to force and where the benchmark
 * history lives. The engine runs the cross-correlation ({@code ccm.*}) and correction ({@code drift-correct.*})
 * operations; an {@code --implementation} id applies to the operation it belongs to, the other is left to the agent.
 */
public final class DriftEngineOptions {
    @Option(names = "--implementation", paramLabel = "ID",
            description = "Force an implementation, e.g. cross-correlation.cpu, cross-correlation.cpu-threaded, drift-correct.cpu-threaded (default: the engine chooses).")
    String implementation;

    @Mixin
    EngineOptions engine;

    private volatile String lastImplementation;

    /**
     * A new engine from the shared engine options ({@code --store}, {@code --no-history}, ...); close it after use.
     * The drift and registration operations have CPU implementations only, so OpenCL and CUDA are not probed
     * (their discovery costs seconds on some drivers).
     */
    public Engine open() {
        return Engine.create(engine.config().withOpenCl(false).withCuda(false));
    }

    /** Cross-correlation through {@code engine}. */
    public ShiftMeasurer measurer(Engine engine) {
        RunOptions o = optionsFor(CrossCorrelation.ID);
        return (p, in) -> {
            var x = engine.execute(new CrossCorrelation(), p, in, o);
            lastImplementation = x.decision().choice().label();
            return x.output();
        };
    }

    /** Drift correction through {@code engine}. */
    public DriftShifter shifter(Engine engine) {
        RunOptions o = optionsFor(DriftCorrection.ID);
        return (p, in) -> {
            var x = engine.execute(new DriftCorrection(), p, in, o);
            lastImplementation = x.decision().choice().label();
            return x.output();
        };
    }

    /** The implementation (with device) that ran last, or null. */
    public String lastImplementation() {
        return lastImplementation;
    }

    private RunOptions optionsFor(String operation) {
        if (implementation != null && !implementation.startsWith(CrossCorrelation.ID + ".")
                && !implementation.startsWith(DriftCorrection.ID + ".")) {
            throw new IllegalArgumentException("--implementation must name a " + CrossCorrelation.ID + ".* or "
                    + DriftCorrection.ID + ".* implementation (see 'flowscope engine'), got " + implementation);
        }
        if (implementation != null && implementation.startsWith(operation + ".")) {
            return RunOptions.implementation(implementation);
        }
        return RunOptions.auto();
    }
}
