package org.flowscope.engine.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flowscope.engine.spi.DeviceIdentity;

/**
 * A {@link FailureLog} over a store's {@link HistoryTable}: changes go into the table under the store's monitor and
 * are handed to {@code written} (the JSON store queues them for its next write).
 */
final class TableFailureLog implements FailureLog {
    private final Object monitor;
    private final Supplier<HistoryTable> table;
    private final Consumer<FailureRecord> written;
    /** False once a look found no streak on: the common case costs one volatile read per call. */
    private volatile boolean maybeOn = true;

    TableFailureLog(Object monitor, Supplier<HistoryTable> table, Consumer<FailureRecord> written) {
        this.monitor = monitor;
        this.table = table;
        this.written = written;
    }

    /** The table was rebuilt (e.g. with other processes' records): look again. */
    void changed() {
        maybeOn = true;
    }

    @Override
    public FailureRecord failed(FailureRecord.Key key, FailureKind kind, String error, long nowMillis) {
        FailureRecord next;
        synchronized (monitor) {
            FailureRecord current = table.get().failure(key);
            next = current == null ? FailureRecord.first(key, kind, error, nowMillis) : current.again(kind, error, nowMillis);
            table.get().mergeFailure(next);
            maybeOn = true;
        }
        written.accept(next);
        return next;
    }

    @Override
    public void succeeded(String operation, String implementation, DeviceIdentity device, long nowMillis) {
        if (!maybeOn) {
            return;
        }
        List<FailureRecord> ended = new ArrayList<>();
        synchronized (monitor) {
            for (FailureRecord f : table.get().failures()) {
                if (f.consecutive() > 0 && f.covers(operation, implementation, device)) {
                    FailureRecord cleared = f.cleared(Math.max(nowMillis, f.lastMillis()));
                    table.get().mergeFailure(cleared);
                    ended.add(cleared);
                }
            }
        }
        ended.forEach(written);
    }

    @Override
    public List<FailureRecord> current() {
        if (!maybeOn) {
            return List.of();
        }
        List<FailureRecord> out = new ArrayList<>();
        synchronized (monitor) {
            for (FailureRecord f : table.get().failures()) {
                if (f.consecutive() > 0) {
                    out.add(f);
                }
            }
            if (out.isEmpty()) {
                maybeOn = false;
            }
        }
        out.sort(Comparator.comparingLong(FailureRecord::firstMillis));
        return out;
    }
}
