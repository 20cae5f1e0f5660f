package org.flowscope.core.sink;

import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.source.SourceFormat;

/**
 * Calibration of a live run's results: the pixel size is the input's times input width / result width (an eSRRF
 * result of magnification M has 1/M of the input's pixel size, whatever the operator declares); the frame interval is
 * the time between windows (the window step's duration).
 *
 * @param inputPixelSizeNm input pixel size (or, with {@code inputWidth} 0, the result's); non-positive: unknown
 * @param inputWidth       input width in pixels; 0 when {@code inputPixelSizeNm} is already the result's
 * @param intervalMs       time between results; non-positive: unknown
 */
record ResultCalibration(double inputPixelSizeNm, int inputWidth, double intervalMs) {

    static ResultCalibration of(SourceFormat input, double windowStepMs) {
        return new ResultCalibration(input.pixelSizeNm().orElse(0), input.width(), windowStepMs);
    }

    /** Float32 metadata for results {@code resultWidth} pixels wide. */
    StackMetadata metadataFor(int resultWidth) {
        double px = inputPixelSizeNm <= 0 ? 0
                : inputWidth > 0 ? inputPixelSizeNm * inputWidth / resultWidth : inputPixelSizeNm;
        return StackMetadata.of(PixelType.F32, px, intervalMs);
    }
}
