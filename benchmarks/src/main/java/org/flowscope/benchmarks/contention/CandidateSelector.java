package org.flowscope.benchmarks.contention;

import java.util.Locale;
import java.util.Optional;
import org.flowscope.engine.CandidateStatus;
import org.flowscope.engine.spi.Backend;

/**
 * A user's name for one candidate: a backend ({@code cpu}, {@code cpu-threaded}, {@code opencl}, {@code cuda}) or an
 * implementation id ({@code conv2d.opencl}), optionally followed by {@code @text} to pick the device whose model
 * contains {@code text} (case-insensitive), e.g. {@code opencl@nvidia}.
 */
public record CandidateSelector(String text, Optional<Backend> backend, Optional<String> implementation, Optional<String> device) {

    public static CandidateSelector parse(String s) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("a candidate must be a backend or implementation id, got '" + s + "'");
        }
        String t = s.trim();
        String dev = null;
        int at = t.indexOf('@');
        if (at >= 0) {
            dev = t.substring(at + 1).trim();
            t = t.substring(0, at).trim();
            if (dev.isEmpty()) {
                throw new IllegalArgumentException("empty device after '@' in candidate '" + s + "'");
            }
        }
        Backend b = switch (t.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "cpu" -> Backend.CPU;
            case "cpu-threaded", "threaded" -> Backend.CPU_THREADED;
            case "opencl" -> Backend.OPENCL;
            case "cuda" -> Backend.CUDA;
            default -> null;
        };
        if (b == null && !t.contains(".")) {
            throw new IllegalArgumentException("candidate '" + s
                    + "' is neither a backend (cpu, cpu-threaded, opencl, cuda) nor an implementation id (op.name)");
        }
        return new CandidateSelector(s.trim(), Optional.ofNullable(b), b == null ? Optional.of(t) : Optional.empty(),
                Optional.ofNullable(dev));
    }

    /** Whether this selector names {@code c}. */
    public boolean matches(CandidateStatus c) {
        return backend.map(b -> c.info().backend() == b).orElse(true)
                && implementation.map(id -> c.info().id().equals(id)).orElse(true)
                && device.map(d -> c.device().map(id -> id.model().toLowerCase(Locale.ROOT)
                        .contains(d.toLowerCase(Locale.ROOT))).orElse(false)).orElse(true);
    }

    /** Whether this selector may name an implementation of {@code b} (by backend, or by an id that names it). */
    public boolean needs(Backend b) {
        return backend.map(x -> x == b).orElseGet(() -> implementation.orElse("").toLowerCase(Locale.ROOT)
                .contains(b.name().toLowerCase(Locale.ROOT)));
    }
}
