package org.flowscope.engine.history;

import java.util.List;

/** A history that lives only as long as the engine: for tests, benchmarks of the agent, and {@code --no-history}. */
public final class InMemoryBenchmarkStore implements BenchmarkStore {
    private final HistoryTable table;
    private long revision;

    public InMemoryBenchmarkStore(int window) {
        this.table = new HistoryTable(window);
    }

    @Override
    public synchronized void record(BenchmarkKey key, double cost, Sample sample) {
        table.add(key, cost, sample);
        revision++;
    }

    @Override
    public synchronized List<Sample> window(BenchmarkKey key) {
        return table.window(key);
    }

    @Override
    public synchronized List<History> histories(String operation) {
        return table.histories(operation);
    }

    @Override
    public synchronized long revision() {
        return revision;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
