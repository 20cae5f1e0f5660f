package org.flowscope.core.testing;

import org.flowscope.core.frame.FramePool;

/**
 * The pool-leak assertion: call it after every pipeline test. Waits briefly for asynchronous releases (analysis and
 * side-branch threads) to land, then fails with the pool's leak report.
 */
public final class PoolAssertions {
    private PoolAssertions() {
    }

    public static void assertNoLeaks(FramePool pool) {
        // generous: on a loaded 2-core machine the cancelled producer thread can take seconds to be scheduled
        assertNoLeaks(pool, 10_000);
    }

    /** Waits up to {@code graceMs} for outstanding frames to come back, then fails with the leak report. */
    public static void assertNoLeaks(FramePool pool, long graceMs) {
        long deadline = System.nanoTime() + graceMs * 1_000_000L;
        while (pool.outstanding() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (pool.outstanding() > 0) {
            throw new AssertionError("frame pool leak: " + pool.leakReport());
        }
    }
}
