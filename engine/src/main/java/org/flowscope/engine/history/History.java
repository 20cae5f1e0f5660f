package org.flowscope.engine.history;

import java.util.List;

/**
 * A snapshot of one key's window.
 *
 * @param key     the key
 * @param cost    the operation's cost feature for this shape (what the performance model regresses on)
 * @param samples the window, oldest first
 */
public record History(BenchmarkKey key, double cost, List<Sample> samples) {
    public History {
        samples = List.copyOf(samples); // no copy when already immutable
    }
}
