package org.flowscope.engine.history;

import java.util.Objects;
import org.flowscope.engine.spi.DeviceIdentity;

/**
 * A streak of failures of one implementation of one operation on one device, or of a whole device
 * ({@link #ANY} operation and implementation, after the device was lost), as the history store keeps it: written
 * with the history and shared between processes, so the next run leaves a failing device alone too.
 *
 * @param operation        operation id, or {@link #ANY}
 * @param implementation   implementation id, or {@link #ANY}
 * @param device           the device it failed on
 * @param kind             what went wrong
 * @param error            the error: exception type and message (a kernel build's log included)
 * @param firstMillis      when the streak began (epoch ms)
 * @param lastMillis       the last failure, or the success that ended the streak (epoch ms)
 * @param consecutive      failures in a row; 0 once a success ended the streak
 * @param retryAfterMillis not tried again before this (epoch ms): the back-off ({@link BackOff})
 */
public record FailureRecord(String operation, String implementation, DeviceIdentity device, FailureKind kind, String error,
        long firstMillis, long lastMillis, int consecutive, long retryAfterMillis) {
    /** Matches every operation or implementation. */
    public static final String ANY = "*";

    public FailureRecord {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(implementation, "implementation");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(kind, "kind");
        error = error == null ? "" : error;
        if (consecutive < 0) {
            throw new IllegalArgumentException("consecutive failures must be >= 0, got " + consecutive);
        }
    }

    /** What a record is about; two records with the same key are the same streak. */
    public record Key(String operation, String implementation, DeviceIdentity device) {
    }

    public Key key() {
        return new Key(operation, implementation, device);
    }

    /** Whether this record is about {@code implementation} of {@code operation} on {@code device}. */
    public boolean covers(String operationId, String implementationId, DeviceIdentity on) {
        return device.equals(on) && (ANY.equals(implementation) || implementation.equals(implementationId))
                && (ANY.equals(operation) || operation.equals(operationId));
    }

    /** Whether the streak is still on and its back-off not over at {@code nowMillis}. */
    public boolean backingOff(long nowMillis) {
        return consecutive > 0 && nowMillis < retryAfterMillis;
    }

    /** The next failure of the same streak at {@code nowMillis}. */
    FailureRecord again(FailureKind k, String err, long nowMillis) {
        int n = consecutive + 1;
        return new FailureRecord(operation, implementation, device, k, err, consecutive == 0 ? nowMillis : firstMillis, nowMillis, n,
                nowMillis + BackOff.millis(k, n));
    }

    /** The first failure of a streak. */
    static FailureRecord first(Key key, FailureKind kind, String error, long nowMillis) {
        return new FailureRecord(key.operation(), key.implementation(), key.device(), kind, error, nowMillis, nowMillis, 1,
                nowMillis + BackOff.millis(kind, 1));
    }

    /** The streak ended by a success at {@code nowMillis}. */
    FailureRecord cleared(long nowMillis) {
        return new FailureRecord(operation, implementation, device, kind, error, firstMillis, nowMillis, 0, nowMillis);
    }

    /** e.g. "conv2d.opencl@OPENCL Test GPU (132 CU) DEVICE_LOST x2: ..." */
    public String label() {
        String what = ANY.equals(implementation) ? "every implementation" : implementation;
        return what + "@" + device.label() + " " + kind + " x" + consecutive + ": " + error;
    }
}
