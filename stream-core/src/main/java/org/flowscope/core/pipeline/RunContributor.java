package org.flowscope.core.pipeline;

import java.util.Map;

/**
 * Something in a live run that reports about itself: a {@link WindowOperator} stage, a {@link ResultListener}
 * side branch, a sink. The pipeline asks every contributor it was given (operators in a chain are asked one by
 * one) for
 * <ul>
 *   <li>a section of {@code run.json}: {@link #runJsonSection()} is called once, after the run, and its value is
 *       written under {@link #section()}. Return plain JSON-able values: {@code Map}, {@code List}, {@code String},
 *       numbers, booleans or records of those;</li>
 *   <li>fields of the terminal progress line: {@link #progressFields()} is called a few times per second from the
 *       progress thread, so it must be cheap and thread-safe (read volatile/atomic fields);</li>
 *   <li>numbers for live plots (the preview page): {@link #progressValues()}, under the same rules.</li>
 * </ul>
 */
public interface RunContributor {
    /** Name of this contributor's {@code run.json} section (e.g. "drift", "esrrf", "quality"). */
    String section();

    /** The section's content; {@code null} or an empty map adds nothing. */
    default Object runJsonSection() {
        return Map.of();
    }

    /** Short label → value pairs for the progress line, e.g. {@code "drift" → "0.12 px"}; insertion order kept. */
    default Map<String, String> progressFields() {
        return Map.of();
    }

    /**
     * The latest measured values as numbers, for plots that follow the run: key → value, keys
     * {@code <section>.<quantity>_<unit>} (e.g. {@code drift.dx_px}, {@code quality.frc_nm}) plus
     * {@code <section>.window}, the window the values belong to, so that a reader polling a few times per second adds
     * a point only when it changed. NaN where a value is not known. Cheap and thread-safe, like {@link #progressFields()}.
     */
    default Map<String, Double> progressValues() {
        return Map.of();
    }
}
