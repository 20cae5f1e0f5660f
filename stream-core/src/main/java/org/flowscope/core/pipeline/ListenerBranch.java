package org.flowscope.core.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.stream.RunCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one {@link ResultListener} on its own thread, latest-wins: a result that arrives while an older one is still
 * pending replaces it, and the replaced one is counted as {@code <section>.skipped}. Failures are counted as
 * {@code <section>.failed}, logged, and the first message is kept for the run summary; they never stop the run.
 */
final class ListenerBranch {
    private static final Logger LOG = LoggerFactory.getLogger(ListenerBranch.class);

    private record Item(ImageStack result, WindowContext context) {
    }

    private final ResultListener listener;
    private final RunCounters counters;
    private final ExecutorService executor;
    private final AtomicReference<Item> pending = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    ListenerBranch(ResultListener listener, RunCounters counters) {
        this.listener = listener;
        this.counters = counters;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "flowscope-side-" + listener.section());
            t.setDaemon(true);
            return t;
        });
    }

    ResultListener listener() {
        return listener;
    }

    void offer(ImageStack result, WindowContext context) {
        if (pending.getAndSet(new Item(result, context)) != null) {
            counters.increment(listener.section() + ".skipped");
        }
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        while (true) {
            Item item = pending.getAndSet(null);
            if (item == null) {
                scheduled.set(false);
                if (pending.get() != null && scheduled.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            try {
                listener.onResult(item.result(), item.context());
                counters.increment(listener.section() + ".processed");
            } catch (RuntimeException e) {
                counters.increment(listener.section() + ".failed");
                firstError.compareAndSet(null, e.toString());
                LOG.warn("side branch {} failed on window {}", listener.section(), item.context().index(), e);
            }
        }
    }

    /** Waits for pending work, then calls {@link ResultListener#onComplete()}. */
    void finish(long timeoutMs) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeoutMs, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                firstError.compareAndSet(null, "did not finish within " + timeoutMs + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            listener.onComplete();
        } catch (RuntimeException e) {
            firstError.compareAndSet(null, e.toString());
            LOG.warn("side branch {} failed to complete", listener.section(), e);
        }
    }

    String firstError() {
        return firstError.get();
    }
}
