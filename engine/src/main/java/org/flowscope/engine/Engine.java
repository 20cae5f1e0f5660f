package org.flowscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.ImplementationSelector;
import org.flowscope.engine.agent.SelectionRequest;
import org.flowscope.engine.device.BackendStatus;
import org.flowscope.engine.device.CudaDevice;
import org.flowscope.engine.device.OpenClDevice;
import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceMemoryException;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.KernelBuildException;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.WorkShape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liquid engine: runs an {@link Operation} with the implementation and device its agent expects to be fastest,
 * measures the run, and learns from it. An instance is built once ({@link #create}) and injected; there is no
 * global state. Thread-safe: live pipelines call it from several threads.
 *
 * <p>Timing: only the implementation call is timed, minus any kernel build or module load it triggered on the
 * device (recorded by the device instead), so first runs do not pollute the history.
 *
 * <p>Failure handling: a candidate that throws {@link BackendUnavailableException} or {@link KernelBuildException}
 * is remembered as failed for this engine (with the reason, listed by {@link #candidates}) and the call is retried
 * on the next best; {@link DeviceMemoryException} skips the candidate for this call only (the memory may be free
 * again later); any other exception is a bug or bad input and propagates unchanged.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private final EngineConfig config;
    private final ImplementationRegistry registry;
    private final DeviceSet devices;
    private final boolean ownsDevices;
    private final BenchmarkStore store;
    private final ImplementationSelector selector;
    private final Runnable persist;
    private final DecisionLog decisions;
    private final Map<Candidate, Availability> availability = new ConcurrentHashMap<>();
    private final Map<Candidate, String> failures = new ConcurrentHashMap<>();
    private final Map<String, List<Candidate>> byOperation = new ConcurrentHashMap<>();

    private Engine(EngineConfig config) {
        this.config = config;
        this.registry = config.registry() != null ? config.registry()
                : ImplementationRegistry.load(Thread.currentThread().getContextClassLoader());
        this.ownsDevices = config.devices() == null;
        this.devices = ownsDevices ? DeviceDiscovery.discover(config.cpuCores(), config.openCl(), config.cuda()) : config.devices();
        EngineParts parts = EngineParts.of(config);
        this.store = parts.store();
        this.selector = parts.selector();
        this.persist = parts.onClose();
        this.decisions = new DecisionLog(config.decisionLogSize());
    }

    public static Engine create(EngineConfig config) {
        return new Engine(config);
    }

    /** Runs {@code op}, the agent choosing the implementation. */
    public <P, I, O> O run(Operation<P, I, O> op, P params, I input) {
        return execute(op, params, input, RunOptions.auto()).output();
    }

    /** Runs {@code op} among the candidates {@code options} allow. */
    public <P, I, O> O run(Operation<P, I, O> op, P params, I input, RunOptions options) {
        return execute(op, params, input, options).output();
    }

    /** Like {@link #run(Operation, Object, Object, RunOptions)}, also returning the measured time and the decision. */
    public <P, I, O> Execution<O> execute(Operation<P, I, O> op, P params, I input, RunOptions options) {
        op.validate(params, input);
        WorkShape shape = op.shape(params, input);
        double cost = op.cost(params, input);
        List<Candidate> candidates = new ArrayList<>(usable(op.id(), forOperation(op.id(), options)));
        while (true) {
            if (candidates.isEmpty()) {
                throw new BackendUnavailableException("no implementation of '" + op.id() + "' can run with " + options
                        + ": " + whyNot(op.id()));
            }
            SelectionRequest request = new SelectionRequest(op.id(), shape, cost, candidates);
            Decision decision = selector.choose(request);
            Candidate chosen = candidates.get(decision.chosen());
            decisions.add(decision);
            @SuppressWarnings("unchecked")
            Implementation<P, I, O> impl = (Implementation<P, I, O>) chosen.implementation();
            long builds0 = buildNanos(chosen.device());
            long t0 = config.nanoClock().getAsLong();
            O out;
            try {
                out = impl.run(params, input, new ExecutionContexts(chosen.device()));
            } catch (DeviceMemoryException e) {
                // memory may be held by another process only for now: skip the candidate for this call only
                LOG.warn("{} lacks device memory for this call, trying the next candidate: {}", chosen.label(), e.getMessage());
                candidates.remove(chosen);
                continue;
            } catch (BackendUnavailableException | KernelBuildException e) {
                failures.put(chosen, e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warn("{} failed, excluding it from this engine: {}", chosen.label(), e.toString());
                candidates.remove(chosen);
                continue;
            }
            long elapsed = config.nanoClock().getAsLong() - t0;
            // a first run's kernel build is the device's cost, not the implementation's: keep it out of the history
            long built = buildNanos(chosen.device()) - builds0;
            double seconds = Math.max(0, elapsed - built) * 1e-9;
            if (options.recorded()) {
                selector.observe(request, chosen, seconds);
            }
            return new Execution<>(out, seconds, decision);
        }
    }

    /**
     * Chooses a candidate for work that the caller runs itself, piece by piece (a unit of a frame stream): the
     * agent decides among the usable candidates that {@code options} and {@code filter} admit, the decision is logged
     * (for {@code --explain}), and nothing runs. Report the measured time with {@link #observe} and a device failure
     * with {@link #exclude}. Throws {@link BackendUnavailableException} when no candidate is left.
     */
    public Selection select(String operationId, WorkShape shape, double cost, RunOptions options,
            java.util.function.Predicate<Candidate> filter) {
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate c : usable(operationId, options)) {
            if (filter.test(c)) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            throw new BackendUnavailableException("no implementation of '" + operationId + "' can run with " + options
                    + ": " + whyNot(operationId));
        }
        SelectionRequest request = new SelectionRequest(operationId, shape, cost, candidates);
        Decision decision = selector.choose(request);
        decisions.add(decision);
        return new Selection(request, candidates.get(decision.chosen()), decision);
    }

    /** Records {@code seconds} of work for a {@link #select selection} (one-time costs left out by the caller). */
    public void observe(Selection selection, double seconds) {
        selector.observe(selection.request(), selection.candidate(), seconds);
    }

    /**
     * Remembers that the selected candidate failed with {@link BackendUnavailableException} or
     * {@link KernelBuildException}: this engine does not offer it again (as {@link #execute} does after such a
     * failure).
     */
    public void exclude(Selection selection, RuntimeException failure) {
        Candidate c = selection.candidate();
        failures.put(c, failure.getClass().getSimpleName() + ": " + failure.getMessage());
        LOG.warn("{} failed, excluding it from this engine: {}", c.label(), failure.toString());
    }

    /** Every implementation of {@code operationId} on every device of its kind, with availability and reasons. */
    public List<CandidateStatus> candidates(String operationId) {
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
                String failure = failures.get(c);
                Availability a = failure != null ? Availability.unavailable("failed earlier: " + failure) : availability(c);
                out.add(new CandidateStatus(impl.info(), Optional.of(d.identity()), a));
            }
        }
        return out;
    }

    /** The devices this engine computes on. */
    public List<Device> devices() {
        return devices.devices();
    }

    /** What discovery found per backend, with reasons for the missing ones. */
    public List<BackendStatus> backends() {
        return devices.backends();
    }

    public ImplementationRegistry registry() {
        return registry;
    }

    /** The recent decisions, for {@code --explain}. */
    public DecisionLog decisions() {
        return decisions;
    }

    /** The run-time history. */
    public BenchmarkStore history() {
        return store;
    }

    public EngineConfig config() {
        return config;
    }

    /** Writes pending history and releases the devices this engine discovered. */
    @Override
    public void close() {
        try {
            persist.run();
            store.close();
        } finally {
            if (ownsDevices) {
                devices.close();
            }
        }
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

    private List<Candidate> usable(String operationId, RunOptions options) {
        List<Candidate> all = byOperation.computeIfAbsent(operationId, id -> {
            List<Candidate> list = new ArrayList<>();
            for (Implementation<?, ?, ?> impl : registry.forOperation(id)) {
                for (Device d : devices.devices(impl.info().backend().deviceKind())) {
                    Candidate c = new Candidate(impl, d);
                    if (availability(c).available()) {
                        list.add(c);
                    }
                }
            }
            return List.copyOf(list);
        });
        List<Candidate> out = new ArrayList<>(all.size());
        for (Candidate c : all) {
            if ((!options.restricted() || options.admits(c)) && (failures.isEmpty() || !failures.containsKey(c))) {
                out.add(c);
            }
        }
        return out;
    }

    private static long buildNanos(Device d) {
        if (d instanceof OpenClDevice cl) {
            return cl.buildNanos();
        }
        return d instanceof CudaDevice cuda ? cuda.buildNanos() : 0;
    }

    private String whyNot(String operationId) {
        List<CandidateStatus> all = candidates(operationId);
        if (all.isEmpty()) {
            return "none is registered (check META-INF/services/org.flowscope.engine.spi.Implementation)";
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
