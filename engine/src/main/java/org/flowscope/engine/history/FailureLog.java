package org.flowscope.engine.history;

import java.util.List;
import org.flowscope.engine.spi.DeviceIdentity;

/**
 * The failures a {@link BenchmarkStore} remembers, per implementation and device (or per device), with their
 * back-off; persisted with the history. Thread-safe.
 */
public interface FailureLog {
    /** Records a failure: the first of a streak, or one more (with a longer back-off). Returns the streak. */
    FailureRecord failed(FailureRecord.Key key, FailureKind kind, String error, long nowMillis);

    /** A success of {@code implementation} of {@code operation} on {@code device}: streaks that cover it end. */
    void succeeded(String operation, String implementation, DeviceIdentity device, long nowMillis);

    /** The streaks that have not ended (backing off or due for a retry), oldest first. */
    List<FailureRecord> current();
}
