package org.flowscope.engine.spi;

/** A GPU kernel failed to compile or load; carries the build log. */
public class KernelBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String buildLog;

    public KernelBuildException(String message, String buildLog) {
        super(message + (buildLog == null || buildLog.isBlank() ? "" : "\n" + buildLog));
        this.buildLog = buildLog == null ? "" : buildLog;
    }

    public String buildLog() {
        return buildLog;
    }
}
