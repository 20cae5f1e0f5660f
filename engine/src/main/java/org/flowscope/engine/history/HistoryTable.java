package org.flowscope.engine.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The in-memory form of a history: per key, the cost and a bounded window. Not thread-safe; owners guard it. */
final class HistoryTable {
    private final int capacity;
    private final Map<BenchmarkKey, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        double cost;
        final ArrayDeque<Sample> samples = new ArrayDeque<>();
        /** Immutable copy handed to readers; rebuilt on write so that reads are O(1) and allocation-free. */
        List<Sample> snapshot = List.of();

        void publish() {
            snapshot = List.copyOf(samples);
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

    /** Adds a whole history, keeping samples in time order and the window bounded. */
    void merge(History h) {
        Entry e = entries.computeIfAbsent(h.key(), k -> new Entry());
        e.cost = h.cost();
        List<Sample> all = new ArrayList<>(e.samples);
        all.addAll(h.samples());
        all.sort(Comparator.comparingLong(Sample::epochMillis)); // stable: equal stamps keep arrival order
        e.samples.clear();
        for (int i = Math.max(0, all.size() - capacity); i < all.size(); i++) {
            e.samples.addLast(all.get(i));
        }
        e.publish();
        touch(h.key());
    }

    List<Sample> window(BenchmarkKey key) {
        Entry e = entries.get(key);
        return e == null ? List.of() : e.snapshot;
    }

    List<History> histories(String operation) {
        List<History> out = new ArrayList<>();
        entries.forEach((k, e) -> {
            if (operation == null || k.operation().equals(operation)) {
                out.add(new History(k, e.cost, e.snapshot));
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
