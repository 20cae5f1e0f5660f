package org.flowscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.Reason;
import org.flowscope.engine.history.FailureKind;
import org.flowscope.engine.history.FailureRecord;
import org.flowscope.engine.agent.ImplementationSelector;
import org.flowscope.engine.agent.SelectionRequest;
import org.flowscope.engine.device.BackendStatus;
import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Availability;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceLostException;
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
 * device (recorded by the device instead). The first run of each candidate in an engine is cold (module and kernel
 * loads, JIT, first touch of memory): its time is recorded as a warm-up, never as a run time, and the candidate
 * counts as untried until a warm run is timed. Candidates are tried on real work only when that is cheap enough
 * (see {@link org.flowscope.engine.agent.DelayAwareSelector}); when the operation can make small seeded work
 * ({@link org.flowscope.engine.spi.BenchmarkInputs}) a candidate is first calibrated on it.
 *
 * <p>Failure handling: when a candidate fails on its device ({@link DeviceLostException},
 * {@link DeviceMemoryException}, {@link KernelBuildException}, {@link BackendUnavailableException}, a missing
 * native library, or any runtime error of a GPU implementation) the call is recomputed on the next best candidate,
 * so no call is lost; the failure is remembered per implementation and device (per device when it was lost) in the
 * history store, with its error, and the candidate is left alone for a back-off that grows with each failure in a
 * row ({@link org.flowscope.engine.history.BackOff}); a success ends the streak. Forcing one implementation
 * ({@link RunOptions#implementation}) runs it despite a back-off. {@link IllegalArgumentException} (bad input),
 * runtime errors of CPU code (bugs) and other {@link Error}s propagate unchanged.
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
    private final EngineActivity activity = new EngineActivity();
    private final FailureMemory failures;
    private final Map<Candidate, Availability> availability = new ConcurrentHashMap<>();
    private final Map<Implementation<?, ?, ?>, List<Candidate>> byImplementation = new ConcurrentHashMap<>();
    /**
     * Candidates that have run real work in this engine: their next run is warm. Calibration on small work does not
     * count: the first call on real data still touches its memory for the first time.
     */
    private final Set<Candidate> warm = ConcurrentHashMap.newKeySet();
    /** Candidates calibrated per operation in this engine (at most once each). */
    private final Set<String> calibrated = ConcurrentHashMap.newKeySet();
    private final Map<String, Optional<Calibration<?, ?>>> calibrations = new ConcurrentHashMap<>();

    private Engine(EngineConfig config) {
        this.config = config;
        this.registry = config.registry() != null ? config.registry()
                : ImplementationRegistry.load(Thread.currentThread().getContextClassLoader());
        this.ownsDevices = config.devices() == null;
        // GPU backends are probed when a call first needs one: a CPU-only run never loads a GPU library
        this.devices = ownsDevices ? DeviceDiscovery.lazy(config.cpuCores(), config.openCl(), config.cuda()) : config.devices();
        EngineParts parts = EngineParts.of(config);
        this.store = parts.store();
        this.selector = parts.selector();
        this.persist = parts.onClose();
        this.decisions = new DecisionLog(config.decisionLogSize());
        this.failures = new FailureMemory(store.failures(), activity, config.wallClock());
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
        RunOptions effective = forOperation(op.id(), options);
        List<Candidate> candidates = new ArrayList<>(usable(op.id(), effective));
        List<String> excluded = new ArrayList<>();
        if (effective.implementationFilter().isEmpty()) {
            failures.leaveOutBackingOff(op.id(), candidates, excluded);
        }
        Calibration<P, I> calibration = effective.recorded() && effective.implementationFilter().isEmpty() ? calibration(op) : null;
        List<EngineActivity.Recovery> recovered = new ArrayList<>();
        Throwable firstFailure = null;
        while (true) {
            if (candidates.isEmpty()) {
                throw noneLeft(op.id(), options, excluded, firstFailure);
            }
            SelectionRequest request = new SelectionRequest(op.id(), shape, cost, candidates, calibration != null, excluded);
            Decision decision = selector.choose(request);
            Candidate chosen = candidates.get(decision.chosen());
            boolean calibrate = decision.reason() == Reason.CALIBRATE && calibration != null
                    && calibrated.add(op.id() + "\u0000" + chosen.label());
            if (decision.reason() == Reason.CALIBRATE && !calibrate) {
                decision = decision.withReason(Reason.EXPLORE_UNTRIED, "calibrated already: trying it on real work");
            }
            decisions.add(decision);
            try {
                if (calibrate) {
                    calibrate(op, calibration, chosen, request, decision);
                    continue; // decide again, now with the candidate's own estimate
                }
                Execution<O> e = runOn(op, params, input, options, request, decision, chosen, recovered);
                return e;
            } catch (RuntimeException | LinkageError e) {
                FailureKind kind = Faults.kind(e, chosen.device().kind());
                if (kind == null) {
                    throw e;
                }
                firstFailure = firstFailure == null ? e : firstFailure;
                if (firstFailure != e) {
                    firstFailure.addSuppressed(e);
                }
                recovered.add(failures.failed(op.id(), chosen, kind, e));
                candidates.removeIf(c -> c.equals(chosen) || kind == FailureKind.DEVICE_LOST && c.device().equals(chosen.device()));
                excluded.add(chosen.label() + " failed in this call (" + kind + "): " + Faults.describe(e));
            }
        }
    }

    /** Runs the call on {@code chosen}, timed; the first run of a candidate in this engine is recorded as a warm-up. */
    private <P, I, O> Execution<O> runOn(Operation<P, I, O> op, P params, I input, RunOptions options, SelectionRequest request,
            Decision decision, Candidate chosen, List<EngineActivity.Recovery> recovered) {
        @SuppressWarnings("unchecked")
        Implementation<P, I, O> impl = (Implementation<P, I, O>) chosen.implementation();
        boolean cold = !warm.contains(chosen);
        long started = config.nanoClock().getAsLong();
        long token = activity.started(decision, chosen.label(), cold, false, started);
        try {
            long builds0 = chosen.device().buildNanos();
            long t0 = config.nanoClock().getAsLong();
            O out = impl.run(params, input, new ExecutionContexts(chosen.device()));
            long elapsed = config.nanoClock().getAsLong() - t0;
            // a first run's kernel build is the device's cost, not the implementation's: keep it out of the history
            long built = chosen.device().buildNanos() - builds0;
            double seconds = Math.max(0, elapsed - built) * 1e-9;
            warm.add(chosen);
            if (options.recorded()) {
                if (cold) {
                    selector.record(request, chosen, seconds, true);
                } else {
                    selector.observe(request, chosen, seconds);
                }
            }
            failures.succeeded(op.id(), chosen);
            for (EngineActivity.Recovery r : recovered) {
                LOG.warn("{} recomputed on {} after {}", op.id(), chosen.label(), r.describe());
            }
            return new Execution<>(out, seconds, decision, cold, recovered);
        } finally {
            activity.ended(token);
        }
    }

    /**
     * Runs {@code chosen} on the operation's calibration work: the smallest size twice (a warm-up, recorded as such,
     * then timed), the larger once; the timed runs are recorded under calibration shapes and give the candidate an
     * estimate of its own ({@link org.flowscope.engine.model.PredictionSource#CALIBRATION}).
     */
    private <P, I, O> void calibrate(Operation<P, I, O> op, Calibration<P, I> c, Candidate chosen, SelectionRequest request,
            Decision decision) {
        @SuppressWarnings("unchecked")
        Implementation<P, I, O> impl = (Implementation<P, I, O>) chosen.implementation();
        long token = activity.started(decision, chosen.label(), false, true, config.nanoClock().getAsLong());
        try {
            for (int run = 0; run <= c.sizes().size(); run++) {
                Calibration.Work<P, I> w = c.sizes().get(Math.max(0, run - 1));
                long builds0 = chosen.device().buildNanos();
                long t0 = config.nanoClock().getAsLong();
                impl.run(w.params(), w.input(), new ExecutionContexts(chosen.device()));
                long elapsed = config.nanoClock().getAsLong() - t0;
                double seconds = Math.max(0, elapsed - (chosen.device().buildNanos() - builds0)) * 1e-9;
                boolean cold = run == 0;
                selector.record(new SelectionRequest(op.id(), w.shape(), w.cost(), request.candidates()), chosen, seconds, cold);
            }
        } finally {
            activity.ended(token);
        }
    }

    @SuppressWarnings("unchecked")
    private <P, I, O> Calibration<P, I> calibration(Operation<P, I, O> op) {
        return (Calibration<P, I>) calibrations.computeIfAbsent(op.id(), k -> Optional.ofNullable(Calibration.of(op,
                registry.provider(op.id()).flatMap(p -> p.benchmarks().map(b -> (org.flowscope.engine.spi.BenchmarkInputs<?, ?, ?>) b))
                        .orElse(null)))).orElse(null);
    }

    private RuntimeException noneLeft(String operation, RunOptions options, List<String> excluded, Throwable firstFailure) {
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

    /**
     * Chooses a candidate for work that the caller runs itself, piece by piece (a unit of a frame stream): the
     * agent decides among the usable candidates that {@code options} and {@code filter} admit (those backing off
     * after a failure left out); when it asks to calibrate a candidate first, that runs here on the operation's seeded
     * calibration work, as for {@link #execute}; the decision is logged (for {@code --explain}) and counted as a call,
     * and the work itself does not run. Report its time with {@link #observe} and a failure with {@link #failed}.
     * Throws {@link BackendUnavailableException} when no candidate is left.
     */
    public <P, I, O> Selection select(Operation<P, I, O> op, WorkShape shape, double cost, RunOptions options,
            java.util.function.Predicate<Candidate> filter) {
        return dispatch(op, shape, cost, options, filter, null, 1);
    }

    /**
     * Like {@link #select}, for work spread over several devices at once: the candidate expected to <i>finish</i>
     * the work first, {@code queued} seconds of work already waiting on its device plus {@code pieces} times its
     * expected time for {@code shape} ({@link org.flowscope.engine.agent.EarliestFinish}); the agent's exploratory
     * choices are kept. Each candidate's history and delay state stay its own ({@link #observe}).
     */
    public <P, I, O> Selection dispatch(Operation<P, I, O> op, WorkShape shape, double cost, RunOptions options,
            java.util.function.Predicate<Candidate> filter, java.util.function.ToDoubleFunction<Candidate> queued,
            double pieces) {
        String operationId = op.id();
        RunOptions effective = forOperation(operationId, options);
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate c : usable(operationId, effective)) {
            if (filter.test(c)) {
                candidates.add(c);
            }
        }
        List<String> excluded = new ArrayList<>();
        if (effective.implementationFilter().isEmpty()) {
            failures.leaveOutBackingOff(operationId, candidates, excluded);
        }
        if (candidates.isEmpty()) {
            throw noneLeft(operationId, options, excluded, null);
        }
        Calibration<P, I> calibration = effective.recorded() && effective.implementationFilter().isEmpty() ? calibration(op) : null;
        while (true) {
            SelectionRequest request = new SelectionRequest(operationId, shape, cost, candidates, calibration != null,
                    excluded);
            Decision decision = selector.choose(request);
            Candidate chosen = candidates.get(decision.chosen());
            boolean calibrate = decision.reason() == Reason.CALIBRATE && calibration != null
                    && calibrated.add(operationId + "\u0000" + chosen.label());
            if (decision.reason() == Reason.CALIBRATE && !calibrate) {
                decision = decision.withReason(Reason.EXPLORE_UNTRIED, "calibrated already: trying it on real work");
            }
            if (calibrate) {
                decisions.add(decision);
                calibrate(op, calibration, chosen, request, decision);
                continue;
            }
            if (queued != null) {
                decision = org.flowscope.engine.agent.EarliestFinish.choose(decision, candidates, queued, pieces);
                chosen = candidates.get(decision.chosen());
            }
            decisions.add(decision);
            activity.ended(activity.started(decision, chosen.label(), false, false, config.nanoClock().getAsLong()));
            return new Selection(request, chosen, decision);
        }
    }

    /**
     * Records {@code seconds} of work for a {@link #select selection}. The caller leaves one-time costs out (a
     * streaming session warms up when it opens), so the sample is a warm one.
     */
    public void observe(Selection selection, double seconds) {
        warm.add(selection.candidate());
        selector.observe(selection.request(), selection.candidate(), seconds);
        failures.succeeded(selection.request().operation(), selection.candidate());
    }

    /**
     * The selected candidate failed with {@code failure}: remembered as {@link #execute} does (a device error backs
     * the candidate off; a bug or bad input is not a device failure and is rethrown).
     */
    public void failed(Selection selection, RuntimeException failure) {
        Candidate c = selection.candidate();
        FailureKind kind = Faults.kind(failure, c.device().kind());
        if (kind == null) {
            throw failure;
        }
        failures.failed(selection.request().operation(), c, kind, failure);
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
                Availability a = failures.availability(operationId, c, availability(c));
                out.add(new CandidateStatus(impl.info(), Optional.of(d.identity()), a));
            }
        }
        return out;
    }

    /** The devices this engine computes on (probes every backend not probed yet). */
    public List<Device> devices() {
        return devices.devices();
    }

    /** The devices of one kind; probes only that backend (asking for the CPU never loads a GPU library). */
    public List<Device> devices(org.flowscope.engine.spi.DeviceKind kind) {
        return devices.devices(kind);
    }

    /** What discovery found per backend, with reasons for the missing ones. */
    public List<BackendStatus> backends() {
        return devices.backends();
    }

    public ImplementationRegistry registry() {
        return registry;
    }

    /** What this engine is doing and has done (running calls, cold runs, recoveries), for progress and reports. */
    public EngineActivity activity() {
        return activity;
    }

    /** The failure streaks remembered in the history store (this engine's and earlier ones'). */
    public List<FailureRecord> failures() {
        return failures.current();
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
        List<CandidateStatus> all = candidates(operationId);
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
