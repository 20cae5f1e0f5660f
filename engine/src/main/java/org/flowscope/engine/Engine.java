package org.flowscope.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.history.FailureKind;
import org.flowscope.engine.history.FailureRecord;
import org.flowscope.engine.agent.ImplementationSelector;
import org.flowscope.engine.agent.SelectionRequest;
import org.flowscope.engine.device.BackendStatus;
import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.registry.ImplementationRegistry;
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
    private final CandidatePool pool;
    /**
     * Candidates that have run real work in this engine: their next run is warm. Calibration on small work does not
     * count: the first call on real data still touches its memory for the first time.
     */
    private final Set<Candidate> warm = ConcurrentHashMap.newKeySet();
    /** Candidates calibrated per operation in this engine (at most once each), and those being calibrated now. */
    private final Calibrations calibrations = new Calibrations();
    private final Decider decider;

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
        this.pool = new CandidatePool(registry, devices, failures);
        this.decider = new Decider(selector, decisions, calibrations, activity, config.nanoClock());
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
        RunOptions effective = pool.forOperation(op.id(), options);
        List<Candidate> candidates = new ArrayList<>(pool.usable(op.id(), effective));
        List<String> excluded = new ArrayList<>();
        if (effective.implementationFilter().isEmpty()) {
            failures.leaveOutBackingOff(op.id(), candidates, excluded);
        }
        Calibration<P, I> calibration = effective.recorded() && effective.implementationFilter().isEmpty()
                ? calibrations.work(op, registry) : null;
        List<EngineActivity.Recovery> recovered = new ArrayList<>();
        Throwable firstFailure = null;
        while (true) {
            if (candidates.isEmpty()) {
                throw pool.noneLeft(op.id(), options, excluded, firstFailure);
            }
            Decider.Step step = decider.decide(op.id(), shape, cost, candidates, calibration != null, excluded, null);
            if (step == null) {
                if (effective.implementationFilter().isEmpty()) {
                    failures.leaveOutBackingOff(op.id(), candidates, excluded); // it may have failed there
                }
                continue;
            }
            Candidate chosen = step.chosen();
            try {
                if (step.claim() != null) {
                    try (Calibrations.Claim claim = step.claim()) {
                        decider.calibrate(op, calibration, chosen, step.request(), step.decision());
                    }
                    continue; // decide again, now with the candidate's own estimate
                }
                return runOn(op, params, input, options, step.request(), step.decision(), chosen, recovered);
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
        RunOptions effective = pool.forOperation(operationId, options);
        List<Candidate> candidates = new ArrayList<>();
        for (Candidate c : pool.usable(operationId, effective)) {
            if (filter.test(c)) {
                candidates.add(c);
            }
        }
        List<String> excluded = new ArrayList<>();
        if (effective.implementationFilter().isEmpty()) {
            failures.leaveOutBackingOff(operationId, candidates, excluded);
        }
        Calibration<P, I> calibration = effective.recorded() && effective.implementationFilter().isEmpty()
                ? calibrations.work(op, registry) : null;
        while (true) {
            if (candidates.isEmpty()) {
                throw pool.noneLeft(operationId, options, excluded, null);
            }
            // several devices: the candidate expected to finish first, never one another call is calibrating
            java.util.function.UnaryOperator<Decision> placement = queued == null ? null
                    : d -> org.flowscope.engine.agent.EarliestFinish.choose(d, candidates, queued, pieces);
            Decider.Step step = decider.decide(operationId, shape, cost, candidates, calibration != null, excluded, placement);
            if (step == null) {
                if (effective.implementationFilter().isEmpty()) {
                    failures.leaveOutBackingOff(operationId, candidates, excluded); // it may have failed there
                }
                continue;
            }
            if (step.claim() != null) {
                try (Calibrations.Claim claim = step.claim()) {
                    decider.calibrate(op, calibration, step.chosen(), step.request(), step.decision());
                }
                continue;
            }
            Decision decision = step.decision();
            activity.ended(activity.started(decision, step.chosen().label(), false, false, config.nanoClock().getAsLong()));
            return new Selection(step.request(), step.chosen(), decision);
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
        return pool.statuses(operationId);
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
}
