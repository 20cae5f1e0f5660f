package org.flowscope.methods.average;

/**
 * Parameters of {@link Average}.
 *
 * @param framesPerTimePoint frames averaged into one output frame; 0 averages the whole stack into one frame
 */
public record AverageParams(int framesPerTimePoint) {
    public AverageParams {
        if (framesPerTimePoint < 0) {
            throw new IllegalArgumentException("frames per time point must be >= 0 (0 = the whole stack), got " + framesPerTimePoint);
        }
    }
}
