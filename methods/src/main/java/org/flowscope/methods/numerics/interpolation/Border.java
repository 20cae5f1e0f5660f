package org.flowscope.methods.numerics.interpolation;

/** What a shifted frame shows where its source lies outside the image. */
public enum Border {
    /** Zero, as StackReg and NanoPyx pad (the default offline: uncovered areas are visibly empty). */
    ZERO,
    /** The nearest edge pixel (no artificial edges for a following operator such as eSRRF's gradients). */
    NEAREST
}
