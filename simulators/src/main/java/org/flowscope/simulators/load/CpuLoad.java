package org.flowscope.simulators.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads {@code threads} CPU cores with floating-point work that streams over a private buffer, so that it competes
 * for both the cores and the memory bandwidth a threaded implementation needs.
 */
public final class CpuLoad implements DeviceLoad {
    private static final int BUFFER_FLOATS = 1 << 22; // 16 MiB per thread: larger than typical per-core caches

    private final int threads;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();
    private volatile double sink;

    /** @param threads busy threads, &ge; 1 (usually the number of cores) */
    public CpuLoad(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("CPU load needs threads >= 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        CountDownLatch started = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> spin(started), "cpu-load-" + t);
            th.setDaemon(true);
            workers.add(th);
            th.start();
        }
        try {
            started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void spin(CountDownLatch started) {
        float[] buf = new float[BUFFER_FLOATS];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = i * 1e-7f;
        }
        started.countDown();
        double acc = 0;
        while (running.get()) {
            for (int i = 0; i < buf.length; i++) {
                float x = buf[i];
                x = x * 0.999f + (float) Math.sqrt(x + 1.0f) * 1e-3f;
                buf[i] = x;
                acc += x;
            }
        }
        sink = acc;
    }

    @Override
    public String describe() {
        return "CPU: " + threads + " busy threads of " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    @Override
    public void close() {
        LoadWorkers.stop(running, workers, 2000);
    }

    double sink() {
        return sink;
    }
}
