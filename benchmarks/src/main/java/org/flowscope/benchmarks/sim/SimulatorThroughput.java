package org.flowscope.benchmarks.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.simulators.camera.CameraParams;
import org.flowscope.simulators.camera.Pacing;
import org.flowscope.simulators.camera.SimulatedCamera;
import org.flowscope.simulators.camera.SimulationParams;

/**
 * Frames per second of the simulated camera (default sample, u16, as fast as possible into a consumer that only
 * counts) per frame size and render-thread count. Configurations are interleaved round by round, so that load from
 * other processes on a shared machine falls on all of them alike; the median of the rounds is printed.
 *
 * <pre>{@code java -cp <benchmarks classpath> org.flowscope.benchmarks.sim.SimulatorThroughput [sizes] [threads] [rounds]}
 * e.g. ... SimulatorThroughput 128,512,1024 1,2 5}</pre>
 */
public final class SimulatorThroughput {
    private SimulatorThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = ints(args.length > 0 ? args[0] : "128,512,1024");
        int[] threads = ints(args.length > 1 ? args[1] : "1," + Runtime.getRuntime().availableProcessors());
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<List<Double>> rates = new ArrayList<>();
        for (int i = 0; i < sizes.length * threads.length; i++) {
            rates.add(new ArrayList<>());
        }
        for (int round = 0; round <= rounds; round++) { // round 0 warms the JIT and is not counted
            int c = 0;
            for (int size : sizes) {
                for (int t : threads) {
                    double fps = run(size, t);
                    if (round > 0) {
                        rates.get(c).add(fps);
                    }
                    c++;
                }
            }
        }
        int c = 0;
        for (int size : sizes) {
            for (int t : threads) {
                List<Double> r = rates.get(c++);
                Collections.sort(r);
                System.out.printf(Locale.ROOT, "%dx%d, %d render thread%s: median %.1f frames/s (rounds %s)%n", size, size, t,
                        t == 1 ? "" : "s", r.get(r.size() / 2), r.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
            }
        }
    }

    /** Frames per second of one run long enough to take about a second at the old single-thread rate. */
    static double run(int size, int threads) throws Exception {
        long frames = Math.max(20, 25_000_000L / ((long) size * size));
        SimulationParams p = SimulationParams.defaults(frames, 1).withCamera(CameraParams.defaults().withSize(size, size));
        AtomicLong n = new AtomicLong();
        try (SimulatedCamera cam = new SimulatedCamera(p, Pacing.AS_FAST_AS_POSSIBLE, threads)) {
            long t0 = System.nanoTime();
            cam.run((md, px) -> n.incrementAndGet());
            return n.get() * 1e9 / (System.nanoTime() - t0);
        }
    }

    private static int[] ints(String csv) {
        String[] p = csv.split(",");
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Integer.parseInt(p[i].trim());
            if (out[i] < 1) {
                throw new IllegalArgumentException("sizes and thread counts must be >= 1, got '" + p[i] + "'");
            }
        }
        return out;
    }
}
