package org.flowscope.app.live;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a live run, in steps: the first stops the source (the run ends normally: the raw file is committed at
 * once, the windows already acquired are still analysed), the second abandons the analysis (the raw file and the
 * results written so far are committed), a third goes to the JVM's own handler (shutdown, partial files left for
 * {@code flowscope recover}). A JVM that does not let the application handle SIGINT ({@code -Xrs}, some embedders)
 * keeps the default: its shutdown hook stops the source.
 *
 * <p>The handler only counts and calls back: the callbacks run on the JVM's signal thread and must not block.
 */
public final class InterruptKeys implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptKeys.class);
    private static final String INT = "INT";

    private final Runnable stop;
    private final Runnable abandon;
    private final AtomicInteger presses = new AtomicInteger();
    private SignalHandler previous;

    /**
     * @param stop    the first Ctrl-C
     * @param abandon the second
     */
    public InterruptKeys(Runnable stop, Runnable abandon) {
        this.stop = stop;
        this.abandon = abandon;
    }

    /** Installs the handler; returns false (and changes nothing) when the JVM keeps SIGINT to itself. */
    public boolean install() {
        try {
            previous = Signal.handle(new Signal(INT), s -> pressed());
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("SIGINT stays with the JVM: {}", e.toString());
            return false;
        }
    }

    /** One Ctrl-C; returns how many there were. */
    public int pressed() {
        int n = presses.incrementAndGet();
        if (n == 1) {
            stop.run();
        } else if (n == 2) {
            abandon.run();
            // the next Ctrl-C is the JVM's again: it ends the process
            restore();
        }
        return n;
    }

    private synchronized void restore() {
        if (previous != null) {
            Signal.handle(new Signal(INT), previous);
            previous = null;
        }
    }

    /** Gives SIGINT back to the handler that was there before. */
    @Override
    public void close() {
        restore();
    }
}
