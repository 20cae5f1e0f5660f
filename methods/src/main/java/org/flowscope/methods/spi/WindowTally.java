package org.flowscope.methods.spi;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a live window operator that runs each window through the engine counts: which implementation computed each
 * window and how long it took. It gives the operator's progress field ({@code "esrrf" -> "esrrf.opencl 41 ms"}) and
 * the figures of its {@code run.json} section ({@link Stats}). {@link #record} is called on the analysis thread; the
 * progress field reads volatile fields, so it may be called from the progress thread.
 */
public final class WindowTally {
    private final String label;
    private final Map<String, Long> byImplementation = new TreeMap<>();
    private final AtomicLong windows = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private volatile String lastImplementation = "-";
    private volatile double lastMs;

    /**
     * The window figures of a run.json section.
     *
     * @param backend                 the implementation choice the stage was given ({@code RunOptions} in words)
     * @param windows                 windows computed
     * @param meanMsPerWindow         mean time per window, ms (0 before the first)
     * @param windowsByImplementation implementation id → windows it computed
     */
    public record Stats(String backend, long windows, double meanMsPerWindow, Map<String, Long> windowsByImplementation) {
    }

    /** @param label the progress field's label, the operator's name */
    public WindowTally(String label) {
        this.label = label;
    }

    /** Counts one window computed by {@code implementation} in {@code nanos}. */
    public void record(String implementation, long nanos) {
        synchronized (byImplementation) {
            byImplementation.merge(implementation, 1L, Long::sum);
        }
        windows.incrementAndGet();
        totalNanos.addAndGet(nanos);
        lastImplementation = implementation;
        lastMs = nanos / 1e6;
    }

    /** The progress field: the last window's implementation and time. */
    public Map<String, String> progressFields() {
        return Map.of(label, String.format(Locale.ROOT, "%s %.0f ms", lastImplementation, lastMs));
    }

    /** The figures so far; {@code backend} is the stage's implementation choice in words. */
    public Stats stats(String backend) {
        long n = windows.get();
        synchronized (byImplementation) {
            return new Stats(backend, n, n == 0 ? 0 : totalNanos.get() / 1e6 / n, new TreeMap<>(byImplementation));
        }
    }
}
