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
    }

    HistoryTable(int capacity) {
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
    }

    List<Sample> window(BenchmarkKey key) {
        Entry e = entries.get(key);
        return e == null ? List.of() : List.copyOf(e.samples);
    }

    List<History> histories(String operation) {
        List<History> out = new ArrayList<>();
        entries.forEach((k, e) -> {
            if (operation == null || k.operation().equals(operation)) {
                out.add(new History(k, e.cost, List.copyOf(e.samples)));
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
