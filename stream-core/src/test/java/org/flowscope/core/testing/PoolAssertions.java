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
        long deadline = System.nanoTime() + 2_000_000_000L;
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
