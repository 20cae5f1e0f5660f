package org.flowscope.engine.spi;

import java.util.Objects;

/**
 * What an implementation declares about itself.
 *
 * @param id          unique id across all implementations, {@code <operation id>.<variant>}, e.g. "conv2d.opencl"
 * @param operation   the class of the {@link Operation} it computes: the tie is by type, so a renamed operation id
 *                    cannot orphan an implementation
 * @param backend     API and device kind it needs; {@link Backend#CPU} marks the operation's plain-Java reference
 * @param precision   arithmetic it uses
 * @param description one line for listings
 */
public record ImplementationInfo(String id, Class<? extends Operation<?, ?, ?>> operation, Backend backend,
        Precision precision, String description) {
    public ImplementationInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(description, "description");
        if (id.isBlank()) {
            throw new IllegalArgumentException("implementation id must not be blank, got '" + id + "'");
        }
    }

    /** Whether this is the operation's plain-Java reference, the one every other implementation is held to. */
    public boolean reference() {
        return backend == Backend.CPU;
    }
}
