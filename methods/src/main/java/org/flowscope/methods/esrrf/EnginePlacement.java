package org.flowscope.methods.esrrf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.flowscope.core.frame.PixelType;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.Selection;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.KernelBuildException;
import org.flowscope.engine.spi.WorkShape;

/**
 * The engine's agent places each unit of a live stream: one decision per unit ({@code --explain} shows them), one
 * session per chosen candidate (opened on first use: kernel builds and tables are its one-time cost), each unit's
 * busy time back to the agent once the session has measured it (sessions pay their one-time costs, kernel builds,
 * first touch, JIT, when they open, so every unit is recorded). A candidate whose session cannot open is excluded
 * for the run.
 *
 * <p>[decision] The single-threaded reference is not a candidate unless the options ask for the CPU reference
 * backend or an implementation by name: it exists to check the others and runs tens of times slower, and one unit on
 * it would set a live run back by seconds.
 */
final class EnginePlacement implements UnitPlacement {
    private final Engine engine;
    private final RunOptions options;
    private final EsrrfStreamParams params;
    private final int height;
    private final int width;
    private final PixelType pixelType;
    private final WorkShape shape;
    private final double cost;
    private final Map<Candidate, Placed> open = new LinkedHashMap<>();
    private final Map<Long, Selection> selections = new HashMap<>();
    private final Map<String, Long> unitsByLabel = new TreeMap<>();
    /** Candidates with at least one unit timed. */
    private final java.util.Set<Candidate> timed = new java.util.HashSet<>();
    /** Per label: busy seconds and units timed (warm-up units included). */
    private final Map<String, double[]> busy = new TreeMap<>();
    private final int unitFrames;

    EnginePlacement(Engine engine, RunOptions options, EsrrfStreamParams params, int height, int width,
            PixelType pixelType, int unitFrames) {
        this.engine = engine;
        this.options = options;
        this.params = params;
        this.height = height;
        this.width = width;
        this.pixelType = pixelType;
        this.unitFrames = unitFrames;
        this.shape = EsrrfStream.shape(params, unitFrames, height, width, pixelType.name().toLowerCase(java.util.Locale.ROOT));
        this.cost = EsrrfStream.cost(params, unitFrames, height, width);
    }

    @Override
    public Placed place(long unit) {
        return choose(unit, c -> true);
    }

    @Override
    public Placed retry(Placed failed, RuntimeException failure, long unit) {
        Selection s = selections.get(unit);
        Candidate bad = s == null ? null : s.candidate();
        return choose(unit, c -> !c.equals(bad));
    }

    /**
     * Before a decision: a candidate tried on the previous unit but not timed yet (its device runs behind the host)
     * is waited for, once, so that the agent decides with its time instead of trying it again.
     */
    private void awaitFirstTimings() {
        boolean waited = false;
        for (Map.Entry<Candidate, Placed> e : open.entrySet()) {
            if (!timed.contains(e.getKey())) {
                e.getValue().session().awaitTimings();
                waited = true;
            }
        }
        if (waited) {
            unitDone();
        }
    }

    private Placed choose(long unit, Predicate<Candidate> allowed) {
        awaitFirstTimings();
        RunOptions rest = unnamed(options);
        Predicate<Candidate> streaming = streamingCandidates(options);
        while (true) {
            Selection s = engine.select(new EsrrfStream(), shape, cost, rest, c -> streaming.test(c) && allowed.test(c));
            Candidate c = s.candidate();
            Placed p = open.get(c);
            if (p == null) {
                try {
                    EsrrfSession session = ((StreamingEsrrf) c.implementation()).open(params, height, width, pixelType,
                            () -> c.device());
                    p = new Placed(session, c.label());
                    open.put(c, p);
                } catch (BackendUnavailableException | KernelBuildException e) {
                    engine.failed(s, e);
                    continue;
                }
            }
            selections.put(unit, s);
            unitsByLabel.merge(p.label(), 1L, Long::sum);
            return p;
        }
    }

    /**
     * The candidates a live stream may use under {@code options}: streaming implementations; the one named by
     * {@code --implementation} (an eSRRF id such as {@code esrrf.opencl} names its streaming form); the
     * single-threaded reference only when asked for (the CPU reference backend or a name).
     */
    static Predicate<Candidate> streamingCandidates(RunOptions options) {
        String named = named(options);
        boolean referenceAllowed = options.backendFilter().filter(b -> b == Backend.CPU).isPresent() || named != null;
        return c -> c.implementation() instanceof StreamingEsrrf && (named == null || c.implementationId().equals(named))
                && (referenceAllowed || c.info().backend() != Backend.CPU);
    }

    /** The options for the engine once {@link #streamingCandidates} applies the implementation's name. */
    static RunOptions unnamed(RunOptions options) {
        return named(options) == null ? options : options.withoutImplementation();
    }

    private static String named(RunOptions options) {
        return options.implementationFilter().map(id -> id.startsWith(Esrrf.ID + ".")
                ? EsrrfStream.ID + id.substring(Esrrf.ID.length()) : id).orElse(null);
    }

    @Override
    public void unitDone() {
        for (Placed p : open.values()) {
            EsrrfSession session = p.session();
            session.drainTimings((unit, seconds) -> {
                double[] b = busy.computeIfAbsent(p.label(), k -> new double[2]);
                b[0] += seconds;
                b[1]++;
                Selection s = selections.remove(unit);
                if (s != null) {
                    engine.observe(s, seconds);
                    timed.add(s.candidate());
                }
            });
        }
    }

    /**
     * Per candidate label: the mean busy time of a frame on its device, ms (kernel time on a GPU, compute time on the
     * CPU), over the units timed so far.
     */
    Map<String, Double> busyMsPerFrame() {
        Map<String, Double> m = new TreeMap<>();
        busy.forEach((label, b) -> m.put(label, b[0] * 1e3 / (b[1] * unitFrames)));
        return m;
    }

    /** Units placed per candidate label so far. */
    Map<String, Long> unitsByLabel() {
        return new TreeMap<>(unitsByLabel);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Placed p : open.values()) {
            try {
                p.session().close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }
}
