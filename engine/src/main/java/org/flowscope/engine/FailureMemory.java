package org.flowscope.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.flowscope.engine.history.FailureKind;
import org.flowscope.engine.history.FailureLog;
import org.flowscope.engine.history.FailureRecord;
import org.flowscope.engine.spi.Availability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's side of the failure streaks kept in the history store ({@link FailureLog}): recording a failure
 * (per implementation and device, per device when it was lost), ending a streak on success, and leaving out the
 * candidates whose back-off is not over. Thread-safe.
 */
final class FailureMemory {
    private static final Logger LOG = LoggerFactory.getLogger(FailureMemory.class);
    private final FailureLog log;
    private final EngineActivity activity;
    private final Clock clock;

    FailureMemory(FailureLog log, EngineActivity activity, Clock clock) {
        this.log = log;
        this.activity = activity;
        this.clock = clock;
    }

    /** Records the failure of {@code c} (persisted, with its back-off) and in the activity; logs it. */
    EngineActivity.Recovery failed(String operation, Candidate c, FailureKind kind, Throwable e) {
        long now = clock.millis();
        FailureRecord.Key key = kind == FailureKind.DEVICE_LOST
                ? new FailureRecord.Key(FailureRecord.ANY, FailureRecord.ANY, c.deviceIdentity())
                : new FailureRecord.Key(operation, c.implementationId(), c.deviceIdentity());
        FailureRecord f = log.failed(key, kind, Faults.describe(e), now);
        EngineActivity.Recovery r = new EngineActivity.Recovery(operation, c.label(), kind, f.error(), now, f.retryAfterMillis());
        activity.recovered(r);
        LOG.warn("{} failed ({}, {} in a row), left alone until {}; recomputing on the next candidate: {}", c.label(), kind,
                f.consecutive(), Instant.ofEpochMilli(f.retryAfterMillis()), Faults.describe(e));
        return r;
    }

    /** {@code c} ran fine: the streaks that cover it end. */
    void succeeded(String operation, Candidate c) {
        log.succeeded(operation, c.implementationId(), c.deviceIdentity(), clock.millis());
    }

    /** Removes the candidates whose failure streak is still backing off, noting why in {@code excluded}. */
    void leaveOutBackingOff(String operation, List<Candidate> candidates, List<String> excluded) {
        List<FailureRecord> current = log.current();
        if (current.isEmpty()) {
            return;
        }
        long now = clock.millis();
        candidates.removeIf(c -> {
            FailureRecord f = backingOff(current, operation, c, now);
            if (f != null) {
                excluded.add(c.label() + " backing off until " + Instant.ofEpochMilli(f.retryAfterMillis()) + " after " + f.kind()
                        + " x" + f.consecutive() + ": " + f.error());
            }
            return f != null;
        });
    }

    /** {@code a}, or unavailable with the reason when {@code c} is backing off after a failure. */
    Availability availability(String operation, Candidate c, Availability a) {
        if (!a.available()) {
            return a;
        }
        FailureRecord f = backingOff(log.current(), operation, c, clock.millis());
        return f == null ? a : Availability.unavailable("failed earlier (" + f.kind() + " x" + f.consecutive()
                + "), backing off until " + Instant.ofEpochMilli(f.retryAfterMillis()) + ": " + f.error());
    }

    /** The failure streaks that have not ended. */
    List<FailureRecord> current() {
        return log.current();
    }

    private static FailureRecord backingOff(List<FailureRecord> current, String operation, Candidate c, long now) {
        for (FailureRecord f : current) {
            if (f.backingOff(now) && f.covers(operation, c.implementationId(), c.deviceIdentity())) {
                return f;
            }
        }
        return null;
    }
}
