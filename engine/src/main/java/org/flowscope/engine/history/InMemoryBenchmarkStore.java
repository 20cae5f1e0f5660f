package org.flowscope.engine.history;

import java.util.List;
import org.flowscope.engine.spi.DeviceIdentity;

/** A history that lives only as long as the engine: for tests, benchmarks of the agent, and {@code --no-history}. */
public final class InMemoryBenchmarkStore implements BenchmarkStore {
    private final HistoryTable table;
    private final FailureLog failures;

    public InMemoryBenchmarkStore(int window) {
        this.table = new HistoryTable(window);
        this.failures = new TableFailureLog(this, () -> table, f -> {
        });
    }

    @Override
    public synchronized void record(BenchmarkKey key, double cost, Sample sample) {
        table.add(key, cost, sample);
    }

    @Override
    public synchronized List<Sample> window(BenchmarkKey key) {
        return table.window(key);
    }

    @Override
    public synchronized void recordWarmup(BenchmarkKey key, double cost, Sample sample) {
        table.addWarmup(key, cost, sample);
    }

    @Override
    public synchronized List<Sample> warmups(BenchmarkKey key) {
        return table.warmups(key);
    }

    @Override
    public FailureLog failures() {
        return failures;
    }

    @Override
    public synchronized List<History> histories(String operation) {
        return table.histories(operation);
    }

    @Override
    public synchronized long revision(String implementation, DeviceIdentity device) {
        return table.revision(implementation, device);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
