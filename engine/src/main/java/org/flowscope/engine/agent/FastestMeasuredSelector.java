package org.flowscope.engine.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.engine.Candidate;
import org.flowscope.engine.history.BenchmarkKey;
import org.flowscope.engine.history.BenchmarkStore;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.model.PerformanceModel;
import org.flowscope.engine.model.Prediction;
import org.flowscope.engine.spi.Backend;

/**
 * The plain greedy selector ({@code EngineConfig.withAgent(false)}): smallest predicted time, else a CPU
 * implementation. No delay handling and no exploration, so a candidate without any prediction is never tried while
 * another has one: the baseline the agent is compared with.
 */
public final class FastestMeasuredSelector implements ImplementationSelector {
    private final BenchmarkStore store;
    private final PerformanceModel model;
    private final String libraryVersion;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    public FastestMeasuredSelector(BenchmarkStore store, PerformanceModel model, String libraryVersion, Clock clock) {
        this.store = store;
        this.model = model;
        this.libraryVersion = libraryVersion;
        this.clock = clock;
    }

    @Override
    public Decision choose(SelectionRequest request) {
        List<CandidateEstimate> estimates = new ArrayList<>();
        int best = -1;
        for (int i = 0; i < request.candidates().size(); i++) {
            Candidate c = request.candidates().get(i);
            Prediction p = model.predict(key(request, c), request.cost());
            estimates.add(new CandidateEstimate(c.implementationId(), c.deviceIdentity(), p, DelayState.NONE, p.seconds()));
            if (p.known() && (best < 0 || p.seconds() < estimates.get(best).expectedSeconds())) {
                best = i;
            }
        }
        long seq = sequence.incrementAndGet();
        if (estimates.size() == 1) {
            return new Decision(seq, request.operation(), request.shape(), request.cost(), estimates, 0, Reason.ONLY_CANDIDATE, "");
        }
        if (best >= 0) {
            return new Decision(seq, request.operation(), request.shape(), request.cost(), estimates, best, Reason.FASTEST_PREDICTED, "");
        }
        return new Decision(seq, request.operation(), request.shape(), request.cost(), estimates, preferredCpu(request.candidates()),
                Reason.COLD_START_DEFAULT, "no candidate has a prediction");
    }

    /** The first threaded CPU candidate, else the first plain CPU one, else the first candidate. */
    private static int preferredCpu(List<Candidate> candidates) {
        int plain = -1;
        for (int i = 0; i < candidates.size(); i++) {
            Backend b = candidates.get(i).info().backend();
            if (b == Backend.CPU_THREADED) {
                return i;
            }
            if (b == Backend.CPU && plain < 0) {
                plain = i;
            }
        }
        return Math.max(plain, 0);
    }

    @Override
    public boolean observe(SelectionRequest request, Candidate ran, double seconds) {
        store.record(key(request, ran), request.cost(), new Sample(seconds, clock.millis(), false));
        return false;
    }

    @Override
    public void record(SelectionRequest request, Candidate ran, double seconds, boolean warmup) {
        Sample s = new Sample(seconds, clock.millis(), false);
        if (warmup) {
            store.recordWarmup(key(request, ran), request.cost(), s);
        } else {
            store.record(key(request, ran), request.cost(), s);
        }
    }

    private BenchmarkKey key(SelectionRequest request, Candidate c) {
        return new BenchmarkKey(request.operation(), c.implementationId(), c.deviceIdentity(), request.shape(), libraryVersion);
    }
}
