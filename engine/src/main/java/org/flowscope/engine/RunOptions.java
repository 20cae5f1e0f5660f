package org.flowscope.engine;

import java.util.Objects;
import java.util.Optional;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.ImplementationInfo;

/**
 * Restrictions on one engine call. {@link #auto()} lets the agent choose among everything available; the other
 * factories narrow the candidates (the agent still chooses among what is left, e.g. between two OpenCL devices).
 * Immutable.
 */
public final class RunOptions {
    private static final RunOptions AUTO = new RunOptions(null, null, null, null, true);
    private final DeviceKind kind;
    private final Backend backend;
    private final String implementation;
    private final String deviceModel;
    private final boolean recorded;

    private RunOptions(DeviceKind kind, Backend backend, String implementation, String deviceModel, boolean recorded) {
        this.kind = kind;
        this.backend = backend;
        this.implementation = implementation;
        this.deviceModel = deviceModel;
        this.recorded = recorded;
    }

    public static RunOptions auto() {
        return AUTO;
    }

    /** Only implementations of this backend ({@link Backend#CPU}: the plain-Java reference alone). */
    public static RunOptions backend(Backend backend) {
        return new RunOptions(null, Objects.requireNonNull(backend, "backend"), null, null, true);
    }

    /** Only implementations that run on this kind of device (the CLI's {@code --backend cpu|opencl|cuda}). */
    public static RunOptions deviceKind(DeviceKind kind) {
        return new RunOptions(Objects.requireNonNull(kind, "kind"), null, null, null, true);
    }

    /** Only the implementation with this id (e.g. "conv2d.cuda"). */
    public static RunOptions implementation(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("implementation id must not be blank, got '" + id + "'");
        }
        return new RunOptions(null, null, id, null, true);
    }

    /** Also restrict to devices whose model name contains {@code text} (case-insensitive). */
    public RunOptions onDevice(String text) {
        return new RunOptions(kind, backend, implementation, Objects.requireNonNull(text, "text"), recorded);
    }

    /** The same restrictions without the implementation filter. */
    public RunOptions withoutImplementation() {
        return new RunOptions(kind, backend, null, deviceModel, recorded);
    }

    /** The same restrictions without the device-kind and backend filters. */
    public RunOptions withoutBackend() {
        return new RunOptions(null, null, implementation, deviceModel, recorded);
    }

    /** Whether the run's time enters the history and the delay model (false for warm-up runs). */
    public RunOptions recorded(boolean record) {
        return new RunOptions(kind, backend, implementation, deviceModel, record);
    }

    public Optional<DeviceKind> deviceKindFilter() {
        return Optional.ofNullable(kind);
    }

    public Optional<Backend> backendFilter() {
        return Optional.ofNullable(backend);
    }

    public Optional<String> implementationFilter() {
        return Optional.ofNullable(implementation);
    }

    public Optional<String> deviceFilter() {
        return Optional.ofNullable(deviceModel);
    }

    public boolean recorded() {
        return recorded;
    }

    /** True when the caller narrowed the choice. */
    public boolean restricted() {
        return kind != null || backend != null || implementation != null || deviceModel != null;
    }

    /** Whether an implementation with this info can pass the filters that do not depend on the device. */
    boolean mayUse(ImplementationInfo info) {
        return (kind == null || info.backend().deviceKind() == kind)
                && (backend == null || info.backend() == backend)
                && (implementation == null || info.id().equals(implementation));
    }

    boolean admits(Candidate c) {
        return admits(c.info(), c.deviceIdentity());
    }

    /** Whether these options let {@code info} run on {@code device} (listings: benchmark, conformance). */
    public boolean admits(org.flowscope.engine.spi.ImplementationInfo info, org.flowscope.engine.spi.DeviceIdentity device) {
        return (kind == null || info.backend().deviceKind() == kind)
                && (backend == null || info.backend() == backend)
                && (implementation == null || info.id().equals(implementation))
                && (deviceModel == null || device.model().toLowerCase(java.util.Locale.ROOT).contains(deviceModel.toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public String toString() {
        return restricted() ? "RunOptions[deviceKind=" + kind + ", backend=" + backend + ", implementation=" + implementation + ", device=" + deviceModel + "]"
                : "RunOptions[auto]";
    }
}
