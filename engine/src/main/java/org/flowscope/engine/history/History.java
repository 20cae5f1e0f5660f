package org.flowscope.engine.history;

import java.util.List;

/**
 * A snapshot of one key's window.
 *
 * @param key     the key
 * @param cost    the operation's cost feature for this shape (what the performance model regresses on)
 * @param samples the window of run times, oldest first
 * @param warmups the most recent cold runs (module and kernel loads, JIT, first touch of memory), oldest first:
 *                kept apart so that they never count as run times
 */
public record History(BenchmarkKey key, double cost, List<Sample> samples, List<Sample> warmups) {
    public History {
        samples = List.copyOf(samples); // no copy when already immutable
        warmups = warmups == null ? List.of() : List.copyOf(warmups);
    }

    public History(BenchmarkKey key, double cost, List<Sample> samples) {
        this(key, cost, samples, List.of());
    }
}
