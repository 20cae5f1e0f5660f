package org.flowscope.adapters.net;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counters behind {@link ServedFrameSource#stats()}, bumped by the run thread, the acceptor and the client
 * threads; {@link #snapshot()} reads them into a {@link ServiceStats}. Thread-safe.
 */
final class ServiceCounters {
    private final AtomicLong clientsAccepted = new AtomicLong();
    private final AtomicLong clientsRejected = new AtomicLong();
    private final AtomicLong framesAccepted = new AtomicLong();
    private final AtomicLong bytesAccepted = new AtomicLong();
    private final AtomicLong framesRefused = new AtomicLong();
    private final AtomicLong incompleteFrames = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final AtomicLong droppedConnections = new AtomicLong();
    private final AtomicLong idleTimeouts = new AtomicLong();

    ServiceStats snapshot() {
        return new ServiceStats(clientsAccepted.get(), clientsRejected.get(), framesAccepted.get(),
                bytesAccepted.get(), framesRefused.get(), incompleteFrames.get(), protocolErrors.get(),
                droppedConnections.get(), idleTimeouts.get());
    }

    void clientAccepted() {
        clientsAccepted.incrementAndGet();
    }

    void clientRejected() {
        clientsRejected.incrementAndGet();
    }

    /** Counts a frame handed to the pipeline; returns the number accepted so far. */
    long frameAccepted(long bytes) {
        long n = framesAccepted.incrementAndGet();
        bytesAccepted.addAndGet(bytes);
        return n;
    }

    void frameRefused() {
        framesRefused.incrementAndGet();
    }

    void protocolError() {
        protocolErrors.incrementAndGet();
    }

    void clientDropped(boolean midFrame) {
        droppedConnections.incrementAndGet();
        if (midFrame) {
            incompleteFrames.incrementAndGet();
        }
    }

    void clientTimedOut(boolean midFrame) {
        idleTimeouts.incrementAndGet();
        if (midFrame) {
            incompleteFrames.incrementAndGet();
        }
    }
}
