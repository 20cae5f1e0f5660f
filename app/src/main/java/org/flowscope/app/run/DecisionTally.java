package org.flowscope.app.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.flowscope.app.run.RunReport.CandidateUse;
import org.flowscope.engine.agent.CandidateEstimate;
import org.flowscope.engine.agent.Decision;
import org.flowscope.engine.agent.Reason;

/**
 * Counts the engine's decisions of one run per operation and candidate, for {@code run.json} and the report; also
 * remembers the latest choice per operation for the live preview ("which implementation runs the drift stage now").
 * Subscribed to an engine's {@link org.flowscope.engine.DecisionLog}; thread-safe, and quick on the deciding thread.
 */
public final class DecisionTally implements Consumer<Decision> {
    private static final int EXPECTED_KEPT = 4096;

    private static final class Use {
        final String operation;
        final CandidateEstimate candidate;
        long calls;
        long calibrations;
        final Map<String, Long> reasons = new TreeMap<>();
        final List<Double> expectedMs = new ArrayList<>();
        String firstDetail;
        String lastDetail;

        Use(String operation, CandidateEstimate candidate) {
            this.operation = operation;
            this.candidate = candidate;
        }
    }

    /**
     * The latest choice for one operation.
     *
     * @param operation operation id
     * @param candidate implementation@device
     * @param reason    why, in words
     * @param sequence  the engine's decision number
     */
    public record Latest(String operation, String candidate, String reason, long sequence) {
    }

    private final Map<String, Use> uses = new LinkedHashMap<>();
    private final Map<String, Latest> latest = new LinkedHashMap<>();

    @Override
    public synchronized void accept(Decision d) {
        CandidateEstimate c = d.choice();
        Use u = uses.computeIfAbsent(d.operation() + "\u0000" + c.label(), k -> new Use(d.operation(), c));
        // a calibration runs the candidate on small seeded work, not on the run's data
        if (d.reason() == Reason.CALIBRATE) {
            u.calibrations++;
        } else {
            u.calls++;
        }
        u.reasons.merge(d.reason().name(), 1L, Long::sum);
        if (Double.isFinite(c.expectedSeconds()) && u.expectedMs.size() < EXPECTED_KEPT) {
            u.expectedMs.add(c.expectedSeconds() * 1e3);
        }
        String detail = d.reason() + (d.detail() == null || d.detail().isBlank() ? "" : ": " + d.detail());
        if (u.firstDetail == null) {
            u.firstDetail = detail;
        }
        u.lastDetail = detail;
        latest.put(d.operation(), new Latest(d.operation(), c.label(), detail, d.sequence()));
    }

    /** The latest choice per operation, in order of first appearance. */
    public synchronized List<Latest> latest() {
        return List.copyOf(latest.values());
    }

    /** Total decisions seen. */
    public synchronized long decisions() {
        return uses.values().stream().mapToLong(u -> u.calls + u.calibrations).sum();
    }

    /** The run.json section; empty when the engine made no decision. */
    public synchronized Optional<RunReport.EngineDecisions> report() {
        if (uses.isEmpty()) {
            return Optional.empty();
        }
        List<CandidateUse> out = new ArrayList<>();
        for (Use u : uses.values()) {
            out.add(new CandidateUse(u.operation, u.candidate.implementation(), u.candidate.device().label(), u.calls,
                    u.calibrations, Map.copyOf(u.reasons), median(u.expectedMs), u.firstDetail, u.lastDetail));
        }
        return Optional.of(new RunReport.EngineDecisions(out));
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
