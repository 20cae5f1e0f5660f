package org.flowscope.benchmarks.sim;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.app.ExitCodes;
import org.flowscope.simulators.camera.CameraParams;
import org.flowscope.simulators.camera.NoiseStreams;
import org.flowscope.simulators.camera.Pacing;
import org.flowscope.simulators.camera.SimulatedCamera;
import org.flowscope.simulators.camera.SimulationParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowscope-bench sim-throughput}: frames per second of the simulated camera (default sample, u16, as fast as
 * possible into a consumer that only counts), per frame size and render-thread count. Configurations are interleaved
 * round by round, so that load from other processes on a shared machine falls on all of them alike; the median of
 * the rounds is printed, one line per configuration.
 */
@Command(name = "sim-throughput",
        mixinStandardHelpOptions = true,
        description = {"Simulated camera: frames/s per frame size and render threads (median of interleaved rounds)."})
public final class SimThroughputCommand implements Callable<Integer> {
    @Option(names = "--sizes", defaultValue = "128,512,1024", split = ",", paramLabel = "N,...",
            description = "Square frame sides (default: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(names = "--threads", split = ",", paramLabel = "T,...",
            description = "Render threads to compare (default: 1 and all processors).")
    int[] threads;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds, after one warm-up round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--pixels", defaultValue = "25000000", paramLabel = "N",
            description = "Pixels rendered per run, at least 20 frames (default: ${DEFAULT-VALUE}).")
    long pixels;

    @Option(names = "--noise", defaultValue = "sequential", paramLabel = "sequential|banded",
            description = "Noise streams: sequential (the original frames; one sequential walk per frame) or banded "
                    + "(one stream per frame and band of rows; no sequential pass) (default: ${DEFAULT-VALUE}).")
    String noise;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] t = threads != null ? threads : new int[] {1, Runtime.getRuntime().availableProcessors()};
        for (int v : concat(sizes, t)) {
            if (v < 1) {
                throw new IllegalArgumentException("--sizes and --threads must be >= 1, got " + v);
            }
        }
        if (rounds < 1 || pixels < 1) {
            throw new IllegalArgumentException("--rounds and --pixels must be >= 1, got " + rounds + " and " + pixels);
        }
        NoiseStreams streams = NoiseStreams.parse(noise);
        PrintWriter out = spec.commandLine().getOut();
        List<List<Double>> rates = new ArrayList<>();
        for (int i = 0; i < sizes.length * t.length; i++) {
            rates.add(new ArrayList<>());
        }
        for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT up and is not counted
            int c = 0;
            for (int size : sizes) {
                for (int threadCount : t) {
                    double fps = run(size, threadCount, streams);
                    if (round > 0) {
                        rates.get(c).add(fps);
                    }
                    c++;
                }
            }
        }
        out.printf(Locale.ROOT, "cpu: %d processors, noise streams %s%n", Runtime.getRuntime().availableProcessors(),
                streams.name().toLowerCase(Locale.ROOT));
        int c = 0;
        for (int size : sizes) {
            for (int threadCount : t) {
                List<Double> r = rates.get(c++);
                Collections.sort(r);
                out.printf(Locale.ROOT, "%dx%d, %d render thread%s: median %.1f frames/s (rounds %s)%n", size, size, threadCount,
                        threadCount == 1 ? "" : "s", r.get(r.size() / 2),
                        r.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Frames per second of one run of about {@code pixels} pixels. */
    private double run(int size, int threadCount, NoiseStreams streams) throws Exception {
        long frames = Math.max(20, pixels / ((long) size * size));
        SimulationParams p = SimulationParams.defaults(frames, 1).withCamera(CameraParams.defaults().withSize(size, size))
                .withNoise(streams);
        AtomicLong n = new AtomicLong();
        try (SimulatedCamera cam = new SimulatedCamera(p, Pacing.AS_FAST_AS_POSSIBLE, threadCount)) {
            long t0 = System.nanoTime();
            cam.run((md, px) -> n.incrementAndGet());
            return n.get() * 1e9 / (System.nanoTime() - t0);
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
