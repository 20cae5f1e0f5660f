package org.flowscope.benchmarks.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The agent's cost as CPU time of the calling thread, averaged over many calls: unlike wall-clock JMH samples it
 * does not grow when other processes compete for the cores (the build machine is shared). Same set-up as
 * {@link AgentDecisionBenchmark}; prints one line per round.
 *
 * <pre>{@code java -cp <benchmarks classpath> org.flowscope.benchmarks.engine.AgentCpuTimeMain [calls-per-round]}</pre>
 */
public final class AgentCpuTimeMain {
    private AgentCpuTimeMain() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AgentDecisionBenchmark b = new AgentDecisionBenchmark();
        b.setUp();
        try {
            for (int round = 1; round <= 6; round++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    b.decide();
                }
                long c1 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    b.engineCall();
                }
                long c2 = threads.getCurrentThreadCpuTime();
                System.out.printf(Locale.ROOT, "round %d%s: decide %.2f us CPU, engineCall %.2f us CPU%n", round,
                        round == 1 ? " (warm-up)" : "", (c1 - c0) / 1e3 / n, (c2 - c1) / 1e3 / n);
            }
        } finally {
            b.tearDown();
        }
    }
}
