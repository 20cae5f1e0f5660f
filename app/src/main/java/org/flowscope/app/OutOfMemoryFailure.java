package org.flowscope.app;

import java.util.Locale;
import java.util.Optional;

/**
 * A command that ran out of memory, said the way a user can act on it: what ran out, the sizes involved (the JVM's
 * limit and use, the work being done) and how to give the JVM more memory through the launcher. A raw
 * {@link OutOfMemoryError} trace says none of that, and the default {@code -Xmx4g} of {@code ./flowscope} is
 * replaced, not extended, by {@code FLOWSCOPE_JAVA_OPTS}, which a user cannot guess. Exit code 4 (runtime failure).
 */
public final class OutOfMemoryFailure extends IllegalStateException {
    /** The launcher's variable for JVM options ({@code ./flowscope}); it replaces the launcher's default heap. */
    public static final String JAVA_OPTS_VARIABLE = "FLOWSCOPE_JAVA_OPTS";
    /** The launcher's default heap option when the variable is not set. */
    public static final String LAUNCHER_DEFAULT_HEAP = "-Xmx4g";
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    public OutOfMemoryFailure(String message, OutOfMemoryError cause) {
        super(message, cause);
    }

    /** The first {@link OutOfMemoryError} among {@code e} and its causes and suppressed exceptions. */
    public static Optional<OutOfMemoryError> find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError oom) {
                return Optional.of(oom);
            }
            for (Throwable s : t.getSuppressed()) {
                if (s instanceof OutOfMemoryError oom) {
                    return Optional.of(oom);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code e} as it is when no out-of-memory error caused it, otherwise a failure that explains it.
     *
     * @param work what was being done, with its sizes ("live eSRRF of 512x512 U16 frames, windows of 10 frames")
     */
    public static RuntimeException explain(Throwable e, String work) {
        if (e instanceof OutOfMemoryFailure f) {
            return f;
        }
        Optional<OutOfMemoryError> oom = find(e);
        if (oom.isPresent()) {
            OutOfMemoryFailure failure = new OutOfMemoryFailure(describe(oom.get(), work), oom.get());
            if (e != oom.get()) {
                failure.addSuppressed(e);
            }
            return failure;
        }
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }

    /** The message: what ran out, while doing what, the JVM's limit and use, and what to do. */
    public static String describe(OutOfMemoryError e, String work) {
        Runtime rt = Runtime.getRuntime();
        long max = rt.maxMemory();
        long used = rt.totalMemory() - rt.freeMemory();
        String reason = e.getMessage() == null ? "" : e.getMessage();
        String during = work == null || work.isBlank() ? "" : " while running " + work;
        String heap = String.format(Locale.ROOT, "the JVM may use at most %d MiB of heap (-Xmx), %d MiB in use now",
                max / MIB, used / MIB);
        String smaller = "or make the work smaller (fewer or smaller frames, a lower magnification, a shorter window)";
        if (reason.contains("Requested array size exceeds VM limit")) {
            return "out of memory: one image would need an array larger than the JVM allows (2^31 elements)" + during
                    + "; more heap does not help: make the work smaller (fewer or smaller frames, a lower "
                    + "magnification)";
        }
        if (reason.contains("Direct buffer memory")) {
            return "out of memory: the JVM's direct (off-heap) buffer memory ran out" + during + "; " + heap
                    + ". Give it more: " + JAVA_OPTS_VARIABLE + "='" + LAUNCHER_DEFAULT_HEAP
                    + " -XX:MaxDirectMemorySize=8g' ./flowscope ..., " + smaller;
        }
        String what = reason.contains("Java heap space") || reason.contains("GC overhead") || reason.isEmpty()
                ? "the Java heap ran out" : "the JVM ran out of memory (" + reason + ")";
        String more = "-Xmx" + Math.max(2, (2 * max + GIB - 1) / GIB) + "g";
        return "out of memory: " + what + during + "; " + heap + ". Give the JVM more memory: " + JAVA_OPTS_VARIABLE
                + "=" + more + " ./flowscope ... (the launcher's JVM options; they replace its default "
                + LAUNCHER_DEFAULT_HEAP + "), or java " + more + " -jar flowscope.jar ...; " + smaller;
    }
}
