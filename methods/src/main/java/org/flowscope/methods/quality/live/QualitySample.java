package org.flowscope.methods.quality.live;

/**
 * One sampled window of the quality branch and what became of it; NaN where a metric was not computed or found
 * nothing.
 *
 * @param window    window index
 * @param frcPx     FRC resolution of the window's even- vs odd-frame means, input pixels
 * @param frcNm     the same in nm (input pixel size known)
 * @param decorrPx  decorrelation resolution of the reconstruction, reconstruction pixels
 * @param decorrNm  the same in nm (input pixel size known; reconstruction pixel = input pixel / magnification)
 * @param elapsedMs time the side branch spent on this sample
 * @param outcome   computed, failed or cancelled
 * @param detail    for a failed sample the exception (type and message), for a cancelled one why; null otherwise
 */
public record QualitySample(long window, double frcPx, double frcNm, double decorrPx, double decorrNm, double elapsedMs,
                            Outcome outcome, String detail) {
    /** What became of a sample. */
    public enum Outcome {
        COMPUTED, FAILED, CANCELLED
    }

    /** A sample that failed before any value was computed. */
    static QualitySample failed(long window, double elapsedMs, Throwable t) {
        return new QualitySample(window, Double.NaN, Double.NaN, Double.NaN, Double.NaN, elapsedMs, Outcome.FAILED,
                describe(t));
    }

    /** {@code Type: message}, with the simple type name (e.g. {@code OutOfMemoryError: Java heap space}). */
    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
