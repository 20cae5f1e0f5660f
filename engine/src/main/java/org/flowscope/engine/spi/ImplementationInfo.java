package org.flowscope.engine.spi;

import java.util.Objects;

/**
 * What an implementation declares about itself.
 *
 * @param id          unique id across all implementations, e.g. "conv2d.opencl"
 * @param operation   id of the {@link Operation} it implements, e.g. "conv2d"
 * @param backend     API and device kind it needs
 * @param precision   arithmetic it uses
 * @param description one line for listings
 */
public record ImplementationInfo(String id, String operation, Backend backend, Precision precision, String description) {
    public ImplementationInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(description, "description");
        if (id.isBlank() || operation.isBlank()) {
            throw new IllegalArgumentException("implementation id and operation must not be blank, got '" + id + "', '" + operation + "'");
        }
    }
}
