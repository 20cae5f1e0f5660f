package org.flowscope.app.engine;

import java.io.PrintWriter;
import org.flowscope.engine.Engine;
import picocli.CommandLine.Option;

/**
 * {@code --explain} for commands that run engine operations ({@code live}, {@code process …}): include with
 * {@code @Mixin ExplainOption explain;} and wrap the work in {@code try (var log = explain.attach(engine, err)) {…}}.
 * Each decision is printed as it is made: the candidates, their predicted times and sources, delay states and why
 * the winner won. Print to stderr when stdout carries {@code --json}.
 */
public final class ExplainOption {
    @Option(names = "--explain", description = "Print the engine's decisions: candidates, predicted times, delay state, and why.")
    boolean explain;

    public boolean enabled() {
        return explain;
    }

    /** Starts printing decisions to {@code out} (no-op without --explain); close the handle to stop. */
    public AutoCloseable attach(Engine engine, PrintWriter out) {
        if (!explain) {
            return () -> {
            };
        }
        return engine.decisions().subscribe(d -> {
            out.print(d.explain());
            out.flush();
        });
    }
}
