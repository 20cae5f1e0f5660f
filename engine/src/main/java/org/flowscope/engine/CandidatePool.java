package org.flowscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flowscope.engine.device.BackendStatus;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.Implementation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The candidates an {@link Engine} may run an operation on: every registered implementation on every device of its
 * kind that reports itself available, narrowed by the call's {@link RunOptions}, and the reasons when none is left.
 * Availability is probed once per candidate and kept for the engine's life; devices of a backend the options exclude
 * are never asked for, so a CPU-only run never loads a GPU library. Thread-safe.
 */
final class CandidatePool {
    // the engine's logger: these messages are the engine's, and users filter on its name
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private final ImplementationRegistry registry;
    private final DeviceSet devices;
    private final FailureMemory failures;
    private final Map<Candidate, Availability> availability = new ConcurrentHashMap<>();
    private final Map<Implementation<?, ?, ?>, List<Candidate>> byImplementation = new ConcurrentHashMap<>();

    CandidatePool(ImplementationRegistry registry, DeviceSet devices, FailureMemory failures) {
        this.registry = registry;
        this.devices = devices;
        this.failures = failures;
    }

    /**
     * The options as they apply to one operation of a command that runs several (drift estimation runs
     * cross-correlation and correction): an {@code --implementation} of another operation, or a backend this
     * operation has no implementation for, does not restrict it. An unknown implementation id is bad input.
     */
    RunOptions forOperation(String operationId, RunOptions options) {
        RunOptions o = options;
        if (o.implementationFilter().isPresent()) {
            String id = o.implementationFilter().get();
            Implementation<?, ?, ?> impl = registry.byId(id).orElseThrow(() -> new IllegalArgumentException(
                    "unknown implementation '" + id + "'; implementations of '" + operationId + "': "
                            + registry.forOperation(operationId).stream().map(i -> i.info().id()).toList()));
            if (!registry.forOperation(operationId).contains(impl)) {
                o = o.withoutImplementation();
            }
        }
        if (o.deviceKindFilter().isPresent() || o.backendFilter().isPresent()) {
            RunOptions narrowed = o;
            boolean any = registry.forOperation(operationId).stream().anyMatch(i ->
                    narrowed.deviceKindFilter().map(k -> i.info().backend().deviceKind() == k).orElse(true)
                            && narrowed.backendFilter().map(b -> i.info().backend() == b).orElse(true));
            if (!any) {
                LOG.info("'{}' has no implementation for {}; the engine chooses among its others", operationId, o);
                o = o.withoutBackend();
            }
        }
        return o;
    }

    /** The available candidates of {@code operationId} that {@code options} admit. */
    List<Candidate> usable(String operationId, RunOptions options) {
        List<Candidate> out = new ArrayList<>();
        for (Implementation<?, ?, ?> impl : registry.forOperation(operationId)) {
            // decided before asking for the implementation's devices, so that excluded backends are never probed
            if (options.restricted() && !options.mayUse(impl.info())) {
                continue;
            }
            for (Candidate c : availableCandidates(impl)) {
                if (!options.restricted() || options.admits(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Every implementation of {@code operationId} on every device of its kind, with availability and reasons. */
    List<CandidateStatus> statuses(String operationId) {
        List<CandidateStatus> out = new ArrayList<>();
        for (Implementation<?, ?, ?> impl : registry.forOperation(operationId)) {
            List<Device> onKind = devices.devices(impl.info().backend().deviceKind());
            if (onKind.isEmpty()) {
                String reason = devices.backend(impl.info().backend().deviceKind()).map(BackendStatus::reason)
                        .orElse("no device");
                out.add(new CandidateStatus(impl.info(), Optional.empty(), Availability.unavailable(reason)));
            }
            for (Device d : onKind) {
                Candidate c = new Candidate(impl, d);
                Availability a = failures.availability(operationId, c, availability(c));
                out.add(new CandidateStatus(impl.info(), Optional.of(d.identity()), a));
            }
        }
        return out;
    }

    /**
     * What a call throws when no candidate is left: its first failure when every candidate failed in the call,
     * otherwise a {@link BackendUnavailableException} saying why each candidate was left out.
     */
    RuntimeException noneLeft(String operation, RunOptions options, List<String> excluded, Throwable firstFailure) {
        if (firstFailure instanceof RuntimeException r) {
            return r; // every candidate failed in this call: the first failure, the others suppressed in it
        }
        String why = excluded.isEmpty() ? whyNot(operation) : String.join("; ", excluded);
        BackendUnavailableException e = new BackendUnavailableException("no implementation of '" + operation + "' can run with "
                + options + ": " + why);
        if (firstFailure != null) {
            e.initCause(firstFailure);
        }
        return e;
    }

    private List<Candidate> availableCandidates(Implementation<?, ?, ?> impl) {
        return byImplementation.computeIfAbsent(impl, i -> {
            List<Candidate> list = new ArrayList<>();
            for (Device d : devices.devices(i.info().backend().deviceKind())) {
                Candidate c = new Candidate(i, d);
                if (availability(c).available()) {
                    list.add(c);
                }
            }
            return List.copyOf(list);
        });
    }

    private String whyNot(String operationId) {
        List<CandidateStatus> all = statuses(operationId);
        if (all.isEmpty()) {
            return "none is registered (check its OperationProvider's implementations() and "
                    + "META-INF/services/org.flowscope.engine.spi.OperationProvider)";
        }
        StringBuilder sb = new StringBuilder();
        for (CandidateStatus s : all) {
            sb.append(s.info().id()).append(s.device().map(d -> "@" + d.label()).orElse("")).append(": ")
                    .append(s.availability().available() ? "available but excluded by the options" : s.availability().reason())
                    .append("; ");
        }
        return sb.toString();
    }

    private Availability availability(Candidate c) {
        return availability.computeIfAbsent(c, k -> {
            try {
                return c.implementation().availability(c.device());
            } catch (RuntimeException | LinkageError e) {
                return Availability.unavailable("availability probe failed: " + e);
            }
        });
    }
}
