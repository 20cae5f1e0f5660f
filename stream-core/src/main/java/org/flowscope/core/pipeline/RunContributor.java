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
 *       progress thread, so it must be cheap and thread-safe (read volatile/atomic fields).</li>
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
}
