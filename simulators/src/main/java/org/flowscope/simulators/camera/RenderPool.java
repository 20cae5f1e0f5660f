package org.flowscope.simulators.camera;

import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The renderer's worker threads, taking work by priority: the next frame's expected photons first (the sequential
 * noise planner waits for them), then camera values, then the scan of rare noise draws (asked for two frames
 * ahead); first come first served within a priority. A FIFO pool would let the planner wait behind a whole frame of
 * value tasks, serialising what the pipelining is for.
 */
final class RenderPool extends ThreadPoolExecutor {
    static final int EXPECTED = 0;
    static final int VALUES = 1;
    static final int SCAN = 2;

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** A task with its priority and submission order. */
    private record Task(int priority, long sequence, Runnable work) implements Runnable, Comparable<Task> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Task o) {
            return priority != o.priority ? Integer.compare(priority, o.priority) : Long.compare(sequence, o.sequence);
        }
    }

    RenderPool(int threads) {
        super(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "flowscope-sim-render-" + Counter.NEXT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static final class Counter {
        static final AtomicInteger NEXT = new AtomicInteger();
    }

    void execute(int priority, Runnable work) {
        super.execute(new Task(priority, SEQUENCE.incrementAndGet(), work));
    }

    /** Untagged work (none expected) runs last. */
    @Override
    public void execute(Runnable work) {
        super.execute(work instanceof Task ? work : new Task(Integer.MAX_VALUE, SEQUENCE.incrementAndGet(), work));
    }
}
