package org.flowscope.engine.model;

/**
 * A predicted run time.
 *
 * @param seconds predicted wall time, {@code NaN} when {@link PredictionSource#UNKNOWN}
 * @param source  where it came from
 * @param samples how many own samples of this exact shape exist
 */
public record Prediction(double seconds, PredictionSource source, int samples) {
    public static Prediction unknown(int samples) {
        return new Prediction(Double.NaN, PredictionSource.UNKNOWN, samples);
    }

    public boolean known() {
        return source != PredictionSource.UNKNOWN;
    }
}
