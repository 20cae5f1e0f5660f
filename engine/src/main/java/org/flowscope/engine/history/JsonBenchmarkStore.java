package org.flowscope.engine.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flowscope.engine.spi.DeviceIdentity;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark history as JSON ({@link HistoryFile}) in {@code <dir>/benchmarks.json}, shared safely between
 * processes. Records go to memory at once; writes are throttled to one per {@code flushInterval} (done on a
 * background thread of this store) plus one on {@link #close()}. Each write re-reads the file under a lock and
 * merges this store's new samples into it, so concurrent processes lose no records, and then adopts the merged
 * content, so each store also learns what the others measured. Warm-up runs and failure streaks travel the same way;
 * a failure is written at once (not after the throttle), so that a process started next already leaves the failed
 * device alone. Thread-safe.
 */
public final class JsonBenchmarkStore implements BenchmarkStore {
    private static final Logger LOG = LoggerFactory.getLogger(JsonBenchmarkStore.class);
    /** A record not yet written: a run time, a warm-up run, or a failure streak's new state. */
    private record Pending(BenchmarkKey key, double cost, Sample sample, boolean warmup, FailureRecord failure) {
        static Pending run(BenchmarkKey key, double cost, Sample sample) {
            return new Pending(key, cost, sample, false, null);
        }

        static Pending warm(BenchmarkKey key, double cost, Sample sample) {
            return new Pending(key, cost, sample, true, null);
        }

        static Pending failed(FailureRecord f) {
            return new Pending(null, 0, null, false, f);
        }

        void applyTo(HistoryTable t) {
            if (failure != null) {
                t.mergeFailure(failure);
            } else if (warmup) {
                t.addWarmup(key, cost, sample);
            } else {
                t.add(key, cost, sample);
            }
        }

        History asHistory() {
            return warmup ? new History(key, cost, List.of(), List.of(sample)) : new History(key, cost, List.of(sample));
        }
    }

    private final AtomicJsonFile<HistoryFile> file;
    private final int window;
    private final long flushIntervalNanos;
    private final Object flushLock = new Object();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    private HistoryTable table;
    private List<Pending> pending = new ArrayList<>();
    private long lastFlushNanos = System.nanoTime();
    private ExecutorService writer;
    private boolean closed;
    private final TableFailureLog failures = new TableFailureLog(this, () -> table, f -> queue(Pending.failed(f)));

    /**
     * @param dir           directory of {@code benchmarks.json} (created when missing)
     * @param window        samples kept per key
     * @param flushInterval shortest time between two background writes
     */
    public JsonBenchmarkStore(Path dir, int window, Duration flushInterval) {
        this.file = new AtomicJsonFile<>(dir.resolve("benchmarks.json"), HistoryFile.class, HistoryFile::empty);
        this.window = window;
        this.flushIntervalNanos = flushInterval.toNanos();
        HistoryTable loaded = new HistoryTable(window);
        try {
            HistoryFile content = file.read();
            content.histories().forEach(loaded::merge);
            content.failures().forEach(loaded::mergeFailure);
        } catch (IOException e) {
            LOG.warn("cannot read benchmark history {}: {}; starting with an empty one", file.path(), e.toString());
        }
        this.table = loaded;
    }

    public Path path() {
        return file.path();
    }

    @Override
    public void record(BenchmarkKey key, double cost, Sample sample) {
        queue(Pending.run(key, cost, sample));
    }

    @Override
    public void recordWarmup(BenchmarkKey key, double cost, Sample sample) {
        queue(Pending.warm(key, cost, sample));
    }

    @Override
    public synchronized List<Sample> warmups(BenchmarkKey key) {
        return table.warmups(key);
    }

    @Override
    public FailureLog failures() {
        return failures;
    }

    /** Applies {@code p} in memory at once (failures are already applied by the log) and queues it for writing. */
    private void queue(Pending p) {
        boolean due;
        synchronized (this) {
            if (p.failure() == null) {
                p.applyTo(table);
            }
            pending.add(p);
            due = !closed && (p.failure() != null || System.nanoTime() - lastFlushNanos >= flushIntervalNanos);
        }
        if (due && flushQueued.compareAndSet(false, true)) {
            try {
                writer().execute(() -> {
                    flushQueued.set(false);
                    flush();
                });
            } catch (RejectedExecutionException closing) {
                flushQueued.set(false); // close() writes everything anyway
            }
        }
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

    /** Writes this store's new samples now, merged with what other processes wrote, and adopts the result. */
    @Override
    public void flush() {
        synchronized (flushLock) {
            List<Pending> batch;
            synchronized (this) {
                batch = pending;
                pending = new ArrayList<>();
                lastFlushNanos = System.nanoTime();
            }
            if (batch.isEmpty()) {
                return; // nothing new: readers (e.g. `flowscope engine history`) never rewrite the file
            }
            try {
                HistoryFile merged = file.update(current -> merge(current, batch));
                synchronized (this) {
                    // rebuilt under the monitor so that revisions stay unique (readers cache by them)
                    HistoryTable fresh = new HistoryTable(window, table.lastRevision());
                    merged.histories().forEach(fresh::merge);
                    merged.failures().forEach(fresh::mergeFailure);
                    for (Pending p : pending) {
                        p.applyTo(fresh);
                    }
                    table = fresh;
                    failures.changed();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not write benchmark history {}: {}; will retry", file.path(), e.toString());
                synchronized (this) {
                    batch.addAll(pending);
                    pending = batch;
                }
            }
        }
    }

    private HistoryFile merge(HistoryFile current, List<Pending> batch) {
        HistoryTable t = new HistoryTable(window);
        current.histories().forEach(t::merge);
        current.failures().forEach(t::mergeFailure);
        for (Pending p : batch) {
            if (p.failure() != null) {
                t.mergeFailure(p.failure());
            } else {
                t.merge(p.asHistory());
            }
        }
        return new HistoryFile(HistoryFile.FORMAT, t.histories(null), t.failures());
    }

    @Override
    public void close() {
        ExecutorService w;
        synchronized (this) {
            closed = true;
            w = writer;
        }
        if (w != null) {
            w.shutdown();
            try {
                w.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    private synchronized ExecutorService writer() {
        if (writer == null) {
            writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "flowscope-history-writer");
                t.setDaemon(true);
                return t;
            });
        }
        return writer;
    }
}
