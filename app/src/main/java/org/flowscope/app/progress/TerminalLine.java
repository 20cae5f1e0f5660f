package org.flowscope.app.progress;

import java.io.PrintWriter;

/**
 * One status line on stderr, shared by {@code live} and {@code process}: rewritten in place on a terminal, or printed
 * as a plain line at most every {@code plainEveryMs} (logs, CI), or not at all; {@link #modeFor} picks the mode from
 * {@code --json} and whether there is a terminal. Thread-safe.
 */
public final class TerminalLine {
    /** How the line is shown. */
    public enum Mode {
        /** Rewritten in place ({@code \r}), cut to the terminal's width. */
        IN_PLACE,
        /** A new line at most every {@code plainEveryMs} (logs, CI). */
        PLAIN,
        /** Nothing. */
        QUIET
    }

    private final PrintWriter err;
    private final Mode mode;
    private final long plainEveryMs;
    private final int columns;
    private long lastPlain;
    private int lastLength;
    private boolean open;

    public TerminalLine(PrintWriter err, Mode mode, long plainEveryMs) {
        this.err = err;
        this.mode = mode;
        this.plainEveryMs = plainEveryMs;
        this.columns = columns();
    }

    /**
     * The mode for a command: quiet with {@code --json} or when {@code interactiveOnly} and there is no terminal,
     * in place on a terminal, plain otherwise. A terminal here is a console attached to the JVM and a TERM that is
     * not "dumb"; a pipe or a file on stdout means no console.
     */
    public static Mode modeFor(boolean json, boolean interactiveOnly) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        if (json) {
            return Mode.QUIET;
        }
        if (terminal) {
            return Mode.IN_PLACE;
        }
        return interactiveOnly ? Mode.QUIET : Mode.PLAIN;
    }

    public Mode mode() {
        return mode;
    }

    /** Shows {@code line} (in place, or as a plain line when due). */
    public synchronized void show(String line) {
        switch (mode) {
            case IN_PLACE -> {
                String cut = line.length() > columns ? line.substring(0, columns - 1) + "…" : line;
                String pad = cut.length() < lastLength ? " ".repeat(lastLength - cut.length()) : "";
                err.print("\r" + cut + pad);
                lastLength = cut.length();
                open = true;
                err.flush();
            }
            case PLAIN -> {
                long now = System.currentTimeMillis();
                if (plainEveryMs > 0 && now - lastPlain >= plainEveryMs) {
                    err.println(line);
                    err.flush();
                    lastPlain = now;
                }
            }
            case QUIET -> {
            }
        }
    }

    /** A message on a line of its own (above the status line on a terminal). */
    public synchronized void note(String message) {
        if (mode == Mode.QUIET) {
            return;
        }
        if (open) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
        err.println(message);
        err.flush();
    }

    /** Shows the final {@code line} and ends it. */
    public synchronized void finish(String line) {
        switch (mode) {
            case IN_PLACE -> {
                show(line);
                err.println();
                open = false;
                lastLength = 0;
            }
            case PLAIN -> err.println(line);
            case QUIET -> {
            }
        }
        err.flush();
    }

    /** Clears an in-place line without leaving anything (a progress bar whose work is done). */
    public synchronized void clear() {
        if (mode == Mode.IN_PLACE && open) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
            open = false;
            lastLength = 0;
        }
    }

    private static int columns() {
        String c = System.getenv("COLUMNS");
        try {
            return c == null ? 160 : Math.max(40, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            return 160;
        }
    }
}
