package org.flowscope.core.stream;


/** What the analysis branch does when it cannot keep up with the camera. The raw branch never drops. */
public enum BackpressurePolicy {
    /** Process every window; fall behind, spooling a bounded number of windows, then slow the producer. */
    LAG,
    /** Skip whole windows that arrive while the analysis is busy; each one is counted. */
    SKIP;
}
