package org.flowscope.core.pipeline;

/**
 * The analysis of a live run failed (an operator or stage threw, or ran out of memory). The source was stopped and
 * every frame it had acquired is in the raw file (when the run writes one); no result file is left. Carries what
 * the run counted up to the failure, for {@code run.json}.
 */
public final class AnalysisFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final transient RunSummary summary;

    AnalysisFailedException(Throwable cause, RunSummary summary) {
        super("analysis failed: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
        this.summary = summary;
    }

    /** Counters, timings and sections of the run up to the failure. */
    public RunSummary summary() {
        return summary;
    }
}
