package org.flowscope.methods.esrrf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.Selection;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.KernelBuildException;
import org.flowscope.engine.spi.WorkShape;

/**
 * Where each segment of a run spread over several devices goes ({@link SpreadStreamer}): the engine's
 * {@link Engine#dispatch} picks the candidate expected to finish the segment first, counting the work already queued
 * on each device; one {@link DeviceLane} per chosen candidate (its session opened on first use), each unit's time
 * back to the engine under that candidate, so every device keeps its own history and delay state. A lane that
 * failed is reported to the engine once (its failure memory backs the candidate off) and never chosen again in this
 * run. Thread-safe: the analysis thread places segments, the result writer re-places the work of a failed lane.
 */
final class SpreadPlacement implements AutoCloseable {
    /** What the engine is told when a unit's time comes back. */
    private record Sent(Selection selection, DeviceLane lane, double predicted) {
    }

    private final Engine engine;
    private final RunOptions options;
    private final Predicate<Candidate> admitted;
    private final WorkShape shape;
    private final double cost;
    private final int unitsPerSegment;
    private final Function<Candidate, DeviceLane> opener;
    private final Map<Candidate, DeviceLane> lanes = new LinkedHashMap<>();
    private final Map<Candidate, Selection> lastSelection = new HashMap<>();
    private final Set<Candidate> failed = new java.util.HashSet<>();
    private final Map<Long, Sent> sent = new HashMap<>();
    /** Predicted seconds of work sent to each lane and not timed yet. */
    private final Map<DeviceLane, Double> queued = new HashMap<>();
    private final Map<String, long[]> segmentsByLabel = new TreeMap<>();
    private final Map<String, double[]> busyByLabel = new TreeMap<>();
    private final java.util.List<String> failedLabels = new java.util.ArrayList<>();
    private long nextToken;

    /**
     * @param admitted        which candidates may take work (the streaming implementations the options allow)
     * @param shape           one unit's work shape; {@code cost} its cost
     * @param unitsPerSegment units in a segment: a segment's expected time is that many unit times
     * @param opener          opens a candidate's lane (its session); may throw the backend's failure to open
     */
    SpreadPlacement(Engine engine, RunOptions options, Predicate<Candidate> admitted, WorkShape shape, double cost,
            int unitsPerSegment, Function<Candidate, DeviceLane> opener) {
        this.engine = engine;
        this.options = options;
        this.admitted = admitted;
        this.shape = shape;
        this.cost = cost;
        this.unitsPerSegment = unitsPerSegment;
        this.opener = opener;
    }

    /** The lane for the next segment: the candidate expected to finish it first. */
    synchronized DeviceLane place() {
        collect();
        while (true) {
            Selection s = engine.dispatch(new EsrrfStream(), shape, cost, options,
                    c -> admitted.test(c) && !failed.contains(c), this::queuedOn, unitsPerSegment);
            Candidate c = s.candidate();
            DeviceLane lane = lanes.get(c);
            if (lane == null) {
                try {
                    lane = opener.apply(c);
                } catch (BackendUnavailableException | KernelBuildException e) {
                    engine.failed(s, e);
                    failed.add(c);
                    continue;
                }
                lanes.put(c, lane);
            }
            lastSelection.put(c, s);
            double unit = s.decision().candidates().get(s.decision().chosen()).expectedSeconds();
            queued.merge(lane, Double.isNaN(unit) ? 0 : unit * unitsPerSegment, Double::sum);
            segmentsByLabel.computeIfAbsent(lane.label(), k -> new long[1])[0]++;
            return lane;
        }
    }

    /** A token to end a unit of {@code lane} with; its time goes to the engine under the lane's last selection. */
    synchronized long token(DeviceLane lane) {
        long t = nextToken++;
        Selection s = lastSelection.get(lane.candidate());
        double unit = s.decision().candidates().get(s.decision().chosen()).expectedSeconds();
        sent.put(t, new Sent(s, lane, Double.isNaN(unit) ? 0 : unit));
        return t;
    }

    /** Seconds of work queued on {@code c}'s device: every lane on that device counts. */
    private double queuedOn(Candidate c) {
        double sum = 0;
        for (Map.Entry<DeviceLane, Double> e : queued.entrySet()) {
            if (e.getKey().candidate().device().equals(c.device())) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** Passes the unit times that came back to the engine and takes them off their lanes' queues. */
    synchronized void collect() {
        for (DeviceLane lane : lanes.values()) {
            DeviceLane.Timing t;
            while ((t = lane.pollTiming()) != null) {
                Sent s = sent.remove(t.token());
                if (s == null) {
                    continue;
                }
                engine.observe(s.selection(), t.seconds());
                queued.computeIfPresent(lane, (k, v) -> Math.max(0, v - s.predicted()));
                double[] b = busyByLabel.computeIfAbsent(lane.label(), k -> new double[2]);
                b[0] += t.seconds();
                b[1]++;
            }
            if (lane.failure() == null) {
                lane.collect();
            }
        }
    }

    /**
     * {@code lane} failed: told to the engine (a device failure backs its candidate off; any other error, a bug or
     * bad input, is rethrown) and never chosen again in this run. Idempotent.
     */
    synchronized void failed(DeviceLane lane) {
        if (!failed.add(lane.candidate())) {
            return;
        }
        queued.remove(lane);
        failedLabels.add(lane.label());
        engine.failed(lastSelection.get(lane.candidate()), lane.failure());
    }

    /** Segments placed per candidate label. */
    synchronized Map<String, Long> segmentsByLabel() {
        Map<String, Long> m = new TreeMap<>();
        segmentsByLabel.forEach((k, v) -> m.put(k, v[0]));
        return m;
    }

    /** Per candidate label: mean busy ms per unit timed. */
    synchronized Map<String, Double> busyMsPerUnit() {
        Map<String, Double> m = new TreeMap<>();
        busyByLabel.forEach((k, b) -> m.put(k, b[0] * 1e3 / b[1]));
        return m;
    }

    /** Labels of the lanes that failed in this run. */
    synchronized java.util.List<String> failedLabels() {
        return java.util.List.copyOf(failedLabels);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        java.util.List<DeviceLane> all;
        synchronized (this) {
            all = java.util.List.copyOf(lanes.values());
            lanes.clear();
        }
        for (DeviceLane l : all) {
            try {
                l.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
