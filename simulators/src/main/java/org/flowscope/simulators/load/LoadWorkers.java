package org.flowscope.simulators.load;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stopping the worker threads of a load: every load ends the same way, so the join policy lives in one place. */
final class LoadWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(LoadWorkers.class);

    private LoadWorkers() {
    }

    /**
     * Clears {@code running}, waits up to {@code joinMs} for each worker and forgets them; a worker still alive then
     * is logged (GPU workers may sit in a long kernel), not abandoned silently.
     */
    static void stop(AtomicBoolean running, List<Thread> workers, long joinMs) {
        running.set(false);
        for (Thread t : workers) {
            try {
                t.join(joinMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) {
                LOG.warn("load thread {} did not stop within {} ms", t.getName(), joinMs);
            }
        }
        workers.clear();
    }
}
