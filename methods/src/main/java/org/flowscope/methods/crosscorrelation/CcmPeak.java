package org.flowscope.methods.crosscorrelation;

/**
 * The sub-pixel maximum of one cross-correlation map.
 *
 * @param dx    how far the frame's content sits from the reference's along x (columns), in pixels
 * @param dy    the same along y (rows), in pixels
 * @param value the map's value at the maximum, in Pearson units (see {@link CrossCorrelation})
 */
public record CcmPeak(double dx, double dy, double value) {
}
