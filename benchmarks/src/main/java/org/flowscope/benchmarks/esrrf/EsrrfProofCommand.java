package org.flowscope.benchmarks.esrrf;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.flowscope.app.ExitCodes;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.esrrf.DeviceTimings;
import org.flowscope.methods.esrrf.Esrrf;
import org.flowscope.methods.esrrf.EsrrfCpu;
import org.flowscope.methods.esrrf.EsrrfCpuThreaded;
import org.flowscope.methods.esrrf.EsrrfOpenCl;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.ExperimentalRgc;
import org.flowscope.methods.esrrf.Geometry;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;
import org.flowscope.methods.esrrf.TemporalCorrelation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flowscope-bench esrrf-proof}: eSRRF on every device of a machine. Parity of the OpenCL and CUDA
 * implementations (every CUDA RGC kernel asked for: the product's and the experimental ones) with the Java reference on a small case and with the threaded CPU
 * implementation on 20 x 256 x 256, in both geometries and for every statistic; then timings of windows of frames
 * at several sizes (x5, r 1.5, AVG): end to end (upload, kernels, download, macro-pixel correction) and
 * device-resident kernels alone. One backend per process ({@code --backends}) keeps a driver crash from taking the
 * others' results with it; {@code cuda} also times the threaded CPU implementation. Used by {@code bench/gpu}.
 */
@Command(name = "esrrf-proof",
        mixinStandardHelpOptions = true,
        description = {"eSRRF device proof: parity of OpenCL/CUDA with the Java reference, then timings.",
                "Prints one line per check or measurement; exit 4 if any parity check fails."})
public final class EsrrfProofCommand implements Callable<Integer> {
    @Option(names = "--sizes", defaultValue = "128,512,1024,2048", split = ",", paramLabel = "N,...",
            description = "Square frame sides to time (default: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(names = "--frames", defaultValue = "100", description = "Frames per window (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--reps", defaultValue = "3", description = "Timed windows per size (default: ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--cpu-frames", defaultValue = "10",
            description = "Frames per window for the threaded CPU at sizes >= 1024 (default: ${DEFAULT-VALUE}).")
    int cpuFrames;

    @Option(names = "--backends", defaultValue = "all", paramLabel = "all|cuda|opencl-gpu|opencl-cpu",
            description = "Which devices (default: ${DEFAULT-VALUE}).")
    String backends;

    @Option(names = "--mode", defaultValue = "all", paramLabel = "all|parity|timings",
            description = "Parity checks, timings or both (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--cuda-kernels", defaultValue = "plain,pixel,tiled", split = ",", paramLabel = "plain,pixel,tiled",
            description = "CUDA RGC kernels to check and time: the product's (plain) and the experimental ones "
                    + "(default: ${DEFAULT-VALUE}).")
    List<ExperimentalRgc.Kernel> cudaKernels;

    @Option(names = "--radius", defaultValue = "1.5", paramLabel = "PX",
            description = "Radius of the timed windows, input pixels (default: ${DEFAULT-VALUE}).")
    float radius;

    @Option(names = "--temporal", defaultValue = "AVG", paramLabel = "AVG|VAR|TAC2",
            description = "Statistic of the timed windows (default: ${DEFAULT-VALUE}).")
    TemporalCorrelation temporal;

    @Option(names = "--no-cpu", description = "Do not time the threaded CPU implementation.")
    boolean noCpu;

    @Spec
    CommandSpec spec;

    /** PoCL's CPU device takes minutes on the large sizes; it is in the parity check only. */
    private static boolean timed(String name) {
        return !name.contains("pthread") && !name.toLowerCase(Locale.ROOT).contains("cpu");
    }

    interface Impl {
        ImageStack run(EsrrfParams p, ImageStack in, DeviceTimings t);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean cuda = backends.equals("all") || backends.equals("cuda");
        boolean openCl = backends.equals("all") || backends.startsWith("opencl");
        try (DeviceSet set = DeviceDiscovery.discover(Runtime.getRuntime().availableProcessors(), openCl, cuda)) {
            CpuDevice cpu = set.cpu().orElseThrow();
            List<String> names = new ArrayList<>();
            List<Impl> impls = new ArrayList<>();
            for (Device d : set.devices(DeviceKind.CUDA)) {
                for (ExperimentalRgc.Kernel k : cudaKernels) {
                    names.add("cuda " + d.identity().model() + " " + k.name().toLowerCase(Locale.ROOT));
                    impls.add((p, in, t) -> ExperimentalRgc.implementation(k, t).run(p, in, () -> d));
                }
            }
            for (Device d : set.devices(DeviceKind.OPENCL)) {
                boolean cpuDevice = !timed("opencl " + d.identity().model());
                if (backends.equals("opencl-gpu") && cpuDevice || backends.equals("opencl-cpu") && !cpuDevice) {
                    continue;
                }
                names.add("opencl " + d.identity().model());
                impls.add((p, in, t) -> new EsrrfOpenCl(t).run(p, in, () -> d));
            }
            set.backends().forEach(b -> out.println("backend " + b.kind() + ": " + b.devices() + " device(s)"
                    + (b.reason().isEmpty() ? "" : ", " + b.reason().lines().findFirst().orElse(""))));
            out.println("cpu " + cpu.identity().model() + " x " + cpu.cores());
            int failures = 0;
            if (!mode.equals("timings")) {
                failures = parity(out, names, impls, cpu);
            }
            if (!backends.equals("opencl-cpu") && !mode.equals("parity")) {
                timings(out, names, impls, cpu, sizes, frames, reps, cpuFrames, !noCpu && (backends.equals("all") || cuda),
                        EsrrfParams.defaults().withRadius(radius).withTemporal(temporal));
            }
            return failures == 0 ? ExitCodes.OK : ExitCodes.RUNTIME_FAILURE;
        }
    }

    private static int parity(PrintWriter out, List<String> names, List<Impl> impls, CpuDevice cpu) {
        Tolerance tol = new Esrrf().tolerance();
        int failures = 0;
        for (Geometry g : Geometry.values()) {
            for (TemporalCorrelation stat : TemporalCorrelation.values()) {
                for (int[] shape : new int[][] {{7, 37, 45}, {20, 256, 256}}) {
                    ImageStack in = SyntheticFrames.blinking(shape[0], shape[1], shape[1], 11 + shape[1]);
                    if (shape[1] != shape[2]) {
                        in = new ImageStack(shape[0], shape[1], shape[2], Arrays.copyOf(in.data(), shape[0] * shape[1] * shape[2]));
                    }
                    EsrrfParams p = EsrrfParams.defaults().withGeometry(g).withTemporal(stat);
                    boolean small = shape[1] < 100;
                    ImageStack ref = small ? EsrrfCpu.apply(p, in) : EsrrfCpuThreaded.apply(p, in, cpu.pool());
                    String refName = small ? "esrrf.cpu" : "esrrf.cpu-threaded";
                    for (int i = 0; i < impls.size(); i++) {
                        ImageStack got = impls.get(i).run(p, in, null);
                        String v = tol.firstViolation(ref.data(), got.data());
                        double rel = maxRel(ref.data(), got.data());
                        failures += v == null ? 0 : 1;
                        out.printf(Locale.ROOT, "parity %-5s %-8s %-4s %dx%dx%d %-40s vs %-18s max|diff|/max %.2e %s%n",
                                v == null ? "PASS" : "FAIL", g, stat, shape[0], shape[1], shape[2], names.get(i), refName, rel,
                                v == null ? "" : v);
                    }
                }
            }
        }
        out.println("parity failures: " + failures);
        out.flush();
        return failures;
    }

    private static double maxRel(float[] a, float[] b) {
        double max = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i]));
            diff = Math.max(diff, Math.abs((double) a[i] - b[i]));
        }
        return diff / max;
    }

    private static void timings(PrintWriter out, List<String> names, List<Impl> impls, CpuDevice cpu, int[] sizes,
            int frames, int reps, int cpuFrames, boolean withCpu, EsrrfParams p) {
        for (int size : sizes) {
            ImageStack in = SyntheticFrames.blinking(frames, size, size, size);
            for (int i = 0; i < impls.size(); i++) {
                if (!timed(names.get(i))) {
                    continue;
                }
                impls.get(i).run(p, in.frames(0, Math.min(2, frames)), null);
                double[] total = new double[reps];
                double[] kernel = new double[reps];
                double[] upload = new double[reps];
                for (int r = 0; r < reps; r++) {
                    DeviceTimings t = new DeviceTimings();
                    long t0 = System.nanoTime();
                    impls.get(i).run(p, in, t);
                    total[r] = (System.nanoTime() - t0) / 1e6;
                    kernel[r] = t.kernelNanos() / 1e6;
                    upload[r] = t.uploadNanos() / 1e6;
                }
                double med = median(total);
                double kMed = median(kernel);
                out.printf(Locale.ROOT, "time %-40s %4dx%-4d x%d r%.1f %s frames %3d: window %.1f ms, %.3f ms/frame,"
                        + " %.0f frames/s (end to end, incl. upload %.1f ms); device-resident kernels %.3f ms/frame,"
                        + " %.0f frames/s%n",
                        names.get(i), size, size, p.magnification(), p.radius(), p.temporal(), frames, med, med / frames,
                        1000 * frames / med,
                        median(upload), kMed / frames, 1000 * frames / kMed);
                out.flush();
            }
            if (!withCpu) {
                continue;
            }
            int n = Math.min(frames, size >= 1024 ? cpuFrames : frames);
            ImageStack cpuIn = in.frames(0, n);
            EsrrfCpuThreaded.apply(p, cpuIn.frames(0, 1), cpu.pool());
            double[] total = new double[Math.max(1, reps - 1)];
            for (int r = 0; r < total.length; r++) {
                long t0 = System.nanoTime();
                EsrrfCpuThreaded.apply(p, cpuIn, cpu.pool());
                total[r] = (System.nanoTime() - t0) / 1e6;
            }
            double med = median(total);
            out.printf(Locale.ROOT, "time %-40s %4dx%-4d x%d frames %3d: window %.1f ms, %.3f ms/frame, %.1f frames/s%n",
                    "cpu-threaded x" + cpu.cores(), size, size, p.magnification(), n, med, med / n, 1000 * n / med);
            out.flush();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
