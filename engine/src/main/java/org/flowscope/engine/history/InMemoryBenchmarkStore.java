package org.flowscope.engine.history;

import java.util.List;
import org.flowscope.engine.spi.DeviceIdentity;

/** A history that lives only as long as the engine: for tests, benchmarks of the agent, and {@code --no-history}. */
public final class InMemoryBenchmarkStore implements BenchmarkStore {
    private final HistoryTable table;

    public InMemoryBenchmarkStore(int window) {
        this.table = new HistoryTable(window);
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
