package org.flowscope.engine.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The in-memory form of a history: per key, the cost, a bounded window of run times and the last few warm-up runs;
 * and the failure streaks. Not thread-safe; owners guard it.
 */
final class HistoryTable {
    /** Warm-up runs kept per key: one per process and candidate, so a few suffice to show the cold cost. */
    static final int WARMUPS = 8;
    private final int capacity;
    private final Map<BenchmarkKey, Entry> entries = new LinkedHashMap<>();
    private final Map<FailureRecord.Key, FailureRecord> failures = new LinkedHashMap<>();

    private static final class Entry {
        double cost;
        final ArrayDeque<Sample> samples = new ArrayDeque<>();
        final ArrayDeque<Sample> warmups = new ArrayDeque<>();
        /** Immutable copy handed to readers; rebuilt on write so that reads are O(1) and allocation-free. */
        List<Sample> snapshot = List.of();
        List<Sample> warmupSnapshot = List.of();

        void publish() {
            snapshot = List.copyOf(samples);
            warmupSnapshot = List.copyOf(warmups);
        }
    }

    private record Series(String implementation, org.flowscope.engine.spi.DeviceIdentity device) {
    }

    private final Map<Series, Long> seriesRevisions = new java.util.HashMap<>();
    private long revisions;

    HistoryTable(int capacity) {
        this(capacity, 0);
    }

    /** @param startRevision revisions continue above this, so that a rebuilt table never repeats a revision */
    HistoryTable(int capacity, long startRevision) {
        this.revisions = startRevision;
        if (capacity < 2) {
            throw new IllegalArgumentException("history window must hold >= 2 samples, got " + capacity);
        }
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    void add(BenchmarkKey key, double cost, Sample sample) {
        Entry e = entries.computeIfAbsent(key, k -> new Entry());
        e.cost = cost;
        e.samples.addLast(sample);
        while (e.samples.size() > capacity) {
            e.samples.removeFirst();
        }
        e.publish();
        touch(key);
    }

    /** Adds a cold run: kept apart from the run times, and not counted as a change of the series. */
    void addWarmup(BenchmarkKey key, double cost, Sample sample) {
        Entry e = entries.computeIfAbsent(key, k -> new Entry());
        e.cost = cost;
        e.warmups.addLast(sample);
        while (e.warmups.size() > WARMUPS) {
            e.warmups.removeFirst();
        }
        e.publish();
    }

    List<Sample> warmups(BenchmarkKey key) {
        Entry e = entries.get(key);
        return e == null ? List.of() : e.warmupSnapshot;
    }

    /** Puts a failure streak, keeping the newer of two records of the same streak. */
    void mergeFailure(FailureRecord f) {
        failures.merge(f.key(), f, (a, b) -> b.lastMillis() >= a.lastMillis() ? b : a);
    }

    FailureRecord failure(FailureRecord.Key key) {
        return failures.get(key);
    }

    List<FailureRecord> failures() {
        return List.copyOf(failures.values());
    }

    private void touch(BenchmarkKey key) {
        seriesRevisions.put(new Series(key.implementation(), key.device()), ++revisions);
    }

    long lastRevision() {
        return revisions;
    }

    /** Changes whenever a sample of this implementation on this device is added. */
    long revision(String implementation, org.flowscope.engine.spi.DeviceIdentity device) {
        return seriesRevisions.getOrDefault(new Series(implementation, device), 0L);
    }

    /** Adds a whole history, keeping samples in time order and the windows bounded. */
    void merge(History h) {
        Entry e = entries.computeIfAbsent(h.key(), k -> new Entry());
        e.cost = h.cost();
        mergeInto(e.samples, h.samples(), capacity);
        mergeInto(e.warmups, h.warmups(), WARMUPS);
        e.publish();
        if (!h.samples().isEmpty()) {
            touch(h.key());
        }
    }

    private static void mergeInto(ArrayDeque<Sample> into, List<Sample> more, int keep) {
        if (more.isEmpty()) {
            return;
        }
        List<Sample> all = new ArrayList<>(into);
        all.addAll(more);
        all.sort(Comparator.comparingLong(Sample::epochMillis)); // stable: equal stamps keep arrival order
        into.clear();
        for (int i = Math.max(0, all.size() - keep); i < all.size(); i++) {
            into.addLast(all.get(i));
        }
    }

    List<Sample> window(BenchmarkKey key) {
        Entry e = entries.get(key);
        return e == null ? List.of() : e.snapshot;
    }

    List<History> histories(String operation) {
        List<History> out = new ArrayList<>();
        entries.forEach((k, e) -> {
            if (operation == null || k.operation().equals(operation)) {
                out.add(new History(k, e.cost, e.snapshot, e.warmupSnapshot));
            }
        });
        return out;
    }

    Collection<BenchmarkKey> keys() {
        return entries.keySet();
    }

    int sampleCount() {
        return entries.values().stream().mapToInt(e -> e.samples.size()).sum();
    }
}
