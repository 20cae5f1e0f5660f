package org.flowscope.app.live;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.flowscope.core.pipeline.Progress;

/**
 * Prints the live progress line on stderr (stdout stays for the result): rewritten in place on a terminal, one line
 * every {@code plainEveryMs} otherwise (logs, CI).
 */
public final class ProgressPrinter implements Consumer<Progress> {
    private final PrintWriter err;
    private final boolean terminal;
    private final long plainEveryMs;
    private long lastPlain;
    private int lastLength;

    public ProgressPrinter(PrintWriter err, boolean terminal, long plainEveryMs) {
        this.err = err;
        this.terminal = terminal;
        this.plainEveryMs = plainEveryMs;
    }

    @Override
    public synchronized void accept(Progress p) {
        String line = p.line();
        if (terminal) {
            String pad = line.length() < lastLength ? " ".repeat(lastLength - line.length()) : "";
            err.print("\r" + line + pad);
            lastLength = line.length();
            err.flush();
        } else {
            long now = System.currentTimeMillis();
            if (now - lastPlain >= plainEveryMs) {
                err.println(line);
                err.flush();
                lastPlain = now;
            }
        }
    }

    /** Ends the in-place line with the final snapshot. */
    public synchronized void finish(Progress p) {
        if (terminal) {
            accept(p);
            err.println();
        } else {
            err.println(p.line());
        }
        err.flush();
    }
}
