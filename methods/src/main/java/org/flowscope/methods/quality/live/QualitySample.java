package org.flowscope.methods.quality.live;

/**
 * The quality measured on one sampled window; NaN where a metric was not computed or found nothing.
 *
 * @param window        window index
 * @param frcPx         FRC resolution of the window's even- vs odd-frame means, input pixels
 * @param frcNm         the same in nm (input pixel size known)
 * @param decorrPx      decorrelation resolution of the reconstruction, reconstruction pixels
 * @param decorrNm      the same in nm (input pixel size known; reconstruction pixel = input pixel / magnification)
 * @param elapsedMs     time the side branch spent on this sample
 */
public record QualitySample(long window, double frcPx, double frcNm, double decorrPx, double decorrNm, double elapsedMs) {
}
