package org.flowscope.engine.history;

import java.util.List;
import org.flowscope.engine.spi.DeviceIdentity;

/**
 * Run-time history: per {@link BenchmarkKey}, a bounded window of the most recent samples. Implementations are
 * thread-safe.
 */
public interface BenchmarkStore extends AutoCloseable {
    /** Appends a sample (dropping the oldest beyond the window). {@code cost} is the operation's cost feature. */
    void record(BenchmarkKey key, double cost, Sample sample);

    /** The key's window, oldest first, immutable; empty when never measured. */
    List<Sample> window(BenchmarkKey key);

    /**
     * Records a cold run (the first of a candidate in a process: module and kernel loads, JIT, first touch of
     * memory). Kept apart from the window: never a run time, shown by {@code engine history}, and an upper bound on
     * the warm time while no run time is known.
     */
    void recordWarmup(BenchmarkKey key, double cost, Sample sample);

    /** The key's most recent cold runs, oldest first; empty when none. */
    List<Sample> warmups(BenchmarkKey key);

    /** The failures remembered with this history. */
    FailureLog failures();

    /** Snapshots of every history of {@code operation}. */
    List<History> histories(String operation);

    /**
     * A number that changes whenever a sample of {@code implementation} on {@code device} (any shape) is added, so
     * that readers can cache what they derive from that series.
     */
    long revision(String implementation, DeviceIdentity device);

    /** Persists pending records now (no-op for memory stores). */
    void flush();

    @Override
    void close();
}
