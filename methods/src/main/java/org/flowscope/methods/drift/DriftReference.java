package org.flowscope.methods.drift;

/** What each frame's drift is measured against. */
public enum DriftReference {
    /** The first frame (the first block when time averaging): drift of frame 0 is 0. */
    FIRST,
    /** Each block against its predecessor, accumulated: follows slow changes of the sample, errors add up. */
    PREVIOUS,
    /** An image the user gives (same size): drift is absolute with respect to it. */
    GIVEN
}
