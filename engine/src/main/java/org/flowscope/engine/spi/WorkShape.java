package org.flowscope.engine.spi;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The typed description of one unit of work, as the benchmark history keys it: the operation, the input
 * dimensions (outermost first, e.g. frames, rows, columns), the pixel type and the parameters that change the
 * cost. Two calls with equal shapes are expected to take the same time on the same device.
 *
 * @param operation  operation id
 * @param dimensions input dimensions, outermost first
 * @param pixelType  input element type, e.g. "f32"
 * @param parameters parameters that matter for cost, by name (values rendered canonically)
 */
public record WorkShape(String operation, List<Integer> dimensions, String pixelType, SortedMap<String, String> parameters) {
    public WorkShape {
        Objects.requireNonNull(operation, "operation");
        dimensions = List.copyOf(dimensions);
        Objects.requireNonNull(pixelType, "pixelType");
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** Product of the dimensions. */
    public long elements() {
        long n = 1;
        for (int d : dimensions) {
            n *= d;
        }
        return n;
    }
}
