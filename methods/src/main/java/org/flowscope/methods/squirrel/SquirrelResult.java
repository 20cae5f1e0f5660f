package org.flowscope.methods.squirrel;

import org.flowscope.core.image.ImageStack;

/**
 * A SQUIRREL error map and its summary numbers.
 *
 * @param errorMap       {@code |G_sigma * (alpha SR + beta) - ref_up|} on the SR grid, in reference intensity units
 * @param rse            resolution-scaled error: root mean square of the same difference
 * @param rsp            resolution-scaled Pearson coefficient between the scaled-and-blurred SR image and ref_up
 * @param sigma          RSF sigma in SR pixels
 * @param alpha          intensity scale
 * @param beta           intensity offset
 * @param magnification  SR pixels per reference pixel
 * @param sigmaAtBoundary whether sigma is within 1e-4 of {@code (4/2.35482) M}, i.e. the estimate ran into the prior
 *                       bound of a Nyquist-sampled reference and is not trustworthy
 */
public record SquirrelResult(ImageStack errorMap, double rse, double rsp, double sigma, double alpha, double beta,
                             int magnification, boolean sigmaAtBoundary) {
    /** The RSF sigma in reference pixels. */
    public double sigmaReferencePx() {
        return sigma / magnification;
    }
}
