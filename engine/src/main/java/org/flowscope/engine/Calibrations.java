package org.flowscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.BenchmarkInputs;
import org.flowscope.engine.spi.Operation;

/**
 * The calibration runs of one engine: each (operation, candidate) is calibrated at most once, by the first call that
 * claims it, while concurrent calls see it as running. Until its own estimate is in, a candidate being calibrated
 * is known only from priors or nothing, so no other call may give it real work on that knowledge: two Spark tasks
 * on one cold engine used to find the reference "calibrated already" while its calibration ran, and one ran a whole
 * block on it (99.6 s against 4-13 s threaded). Thread-safe.
 */
final class Calibrations {
    private record Key(String operation, Candidate candidate) {
    }

    private final Map<Key, CompletableFuture<Void>> runs = new ConcurrentHashMap<>();
    /** Calibrations claimed and not finished, in every operation: when none runs, a call pays one read. */
    private final AtomicInteger running = new AtomicInteger();
    /** Calibrations ended so far: a decision made while one ended may rest on estimates from before it. */
    private final AtomicLong ended = new AtomicLong();
    private final Map<String, Optional<Calibration<?, ?>>> work = new ConcurrentHashMap<>();

    /** A claimed calibration; closing it (finished or failed) lets the calls waiting for it decide again. */
    final class Claim implements AutoCloseable {
        private final CompletableFuture<Void> done;

        private Claim(CompletableFuture<Void> done) {
            this.done = done;
        }

        @Override
        public void close() {
            if (done.complete(null)) {
                ended.incrementAndGet();
                running.decrementAndGet();
            }
        }
    }

    /** The calling thread's claim to calibrate {@code c} now, or null when another call claimed it (running or done). */
    Claim claim(String operation, Candidate c) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        running.incrementAndGet();
        if (runs.putIfAbsent(new Key(operation, c), mine) != null) {
            running.decrementAndGet();
            return null;
        }
        return new Claim(mine);
    }

    /** How many calibrations have ended in this engine (a change count). */
    long ended() {
        return ended.get();
    }

    /** Whether {@code c} was calibrated (or its calibration failed) in this engine. */
    boolean finished(String operation, Candidate c) {
        CompletableFuture<Void> f = runs.get(new Key(operation, c));
        return f != null && f.isDone();
    }

    /** Those of {@code candidates} that another call is calibrating now (the calling thread calibrates none). */
    List<Candidate> running(String operation, List<Candidate> candidates) {
        if (running.get() == 0) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>(0);
        for (Candidate c : candidates) {
            CompletableFuture<Void> f = runs.get(new Key(operation, c));
            if (f != null && !f.isDone()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Waits until one of the calibrations of {@code busy} has finished (small seeded work: milliseconds to seconds).
     * Interrupted, it gives up with the interrupt flag set.
     */
    void awaitAny(String operation, List<Candidate> busy) {
        CompletableFuture<?>[] fs = busy.stream().map(c -> runs.get(new Key(operation, c))).toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.anyOf(fs).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another call's calibration of "
                    + busy.stream().map(Candidate::label).toList(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("calibration futures complete normally", e);
        }
    }

    /** The calibration work of {@code op} (its provider's benchmark inputs, else its own), or null when it has none. */
    @SuppressWarnings("unchecked")
    <P, I, O> Calibration<P, I> work(Operation<P, I, O> op, ImplementationRegistry registry) {
        return (Calibration<P, I>) work.computeIfAbsent(op.id(), k -> Optional.ofNullable(Calibration.of(op,
                registry.provider(op.id()).flatMap(p -> p.benchmarks().map(b -> (BenchmarkInputs<?, ?, ?>) b)).orElse(null))))
                .orElse(null);
    }
}
