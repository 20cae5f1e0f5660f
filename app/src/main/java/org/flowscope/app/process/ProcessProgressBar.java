package org.flowscope.app.process;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.flowscope.app.progress.TerminalLine;
import org.flowscope.engine.agent.Decision;
import org.flowscope.methods.spi.ProcessProgress;

/**
 * The progress bar of a {@code process} command, on the same {@link TerminalLine} as {@code live}'s status line:
 * shown in place on a terminal once the work has run for {@value #SHOW_AFTER_MS} ms, never when stderr is not a
 * terminal's, stdout is piped, or with {@code --json}. It follows, in order of precision: the steps a command reports
 * ({@link ProcessProgress}), each engine call (the engine's expected time gives the fraction done; a call it cannot
 * predict shows its elapsed time), and the CLI's own reading and writing. Thread-safe.
 */
final class ProcessProgressBar implements ProcessProgress, Consumer<Decision>, AutoCloseable {
    static final long SHOW_AFTER_MS = 1000;
    private static final int WIDTH = 24;

    private final TerminalLine line;
    private final ScheduledExecutorService ticker;
    private final long startNanos = System.nanoTime();
    private String phase = "starting";
    private long phaseStart = startNanos;
    private double expectedS = Double.NaN;
    private long engineCalls;
    private String task;
    private long total;
    private long done;

    ProcessProgressBar(TerminalLine line) {
        this.line = line;
        if (line.mode() == TerminalLine.Mode.IN_PLACE) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "flowscope-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> line.show(render(System.nanoTime())), SHOW_AFTER_MS, 200, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** The CLI's own step (reading a file, writing one). */
    synchronized void phase(String what) {
        phase = what;
        phaseStart = System.nanoTime();
        expectedS = Double.NaN;
    }

    @Override
    public synchronized void start(String name, long steps) {
        task = name;
        total = Math.max(0, steps);
        done = 0;
    }

    @Override
    public synchronized void advance(long steps) {
        done += steps;
    }

    /** An engine call is about to run (the engine's decision log calls this on the calling thread). */
    @Override
    public synchronized void accept(Decision d) {
        engineCalls++;
        phase = d.operation() + " on " + d.choice().label();
        phaseStart = System.nanoTime();
        expectedS = d.choice().expectedSeconds();
    }

    /** The bar's text at {@code now}. */
    synchronized String render(long now) {
        double elapsed = (now - startNanos) / 1e9;
        double inPhase = (now - phaseStart) / 1e9;
        StringBuilder sb = new StringBuilder();
        double fraction = Double.NaN;
        String eta = null;
        if (task != null && total > 0) {
            fraction = Math.min(1, (double) done / total);
            if (done > 0 && done < total) {
                eta = seconds(elapsed / done * (total - done));
            }
        } else if (Double.isFinite(expectedS) && expectedS > 0) {
            // the engine's own estimate of this call: never shown as done before it returns
            fraction = Math.min(0.99, inPhase / expectedS);
            eta = seconds(Math.max(0, expectedS - inPhase));
        }
        if (Double.isFinite(fraction)) {
            int filled = (int) Math.round(fraction * WIDTH);
            sb.append('[').append("=".repeat(filled)).append(" ".repeat(WIDTH - filled)).append(']')
                    .append(String.format(Locale.ROOT, " %3.0f%% ", fraction * 100));
        } else {
            sb.append('[').append(spinner(elapsed)).append("] ");
        }
        if (task != null && total > 0) {
            sb.append(task).append(' ').append(done).append('/').append(total).append(" | ");
        }
        sb.append(phase);
        if (engineCalls > 1) {
            sb.append(" (engine call ").append(engineCalls).append(')');
        }
        sb.append(" | ").append(seconds(elapsed));
        if (eta != null) {
            sb.append(", ETA ").append(eta);
        }
        return sb.toString();
    }

    private static String spinner(double elapsed) {
        int pos = (int) (elapsed * 5) % (2 * WIDTH - 2);
        int at = pos < WIDTH ? pos : 2 * WIDTH - 2 - pos;
        return " ".repeat(at) + "<=>".substring(0, Math.min(3, WIDTH - at)) + " ".repeat(Math.max(0, WIDTH - at - 3));
    }

    private static String seconds(double s) {
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%d:%02d", (long) s / 60, (long) s % 60);
    }

    /** Stops the bar and clears its line. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        line.clear();
    }
}
