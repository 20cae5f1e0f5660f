package org.flowscope.benchmarks.esrrf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.device.CpuDevice;
import org.flowscope.engine.device.CudaDevice;
import org.flowscope.engine.device.DeviceDiscovery;
import org.flowscope.engine.device.DeviceSet;
import org.flowscope.engine.device.OpenClDevice;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.methods.esrrf.DeviceTimings;
import org.flowscope.methods.esrrf.Esrrf;
import org.flowscope.methods.esrrf.EsrrfCpu;
import org.flowscope.methods.esrrf.EsrrfCpuThreaded;
import org.flowscope.methods.esrrf.EsrrfCuda;
import org.flowscope.methods.esrrf.EsrrfOpenCl;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.Geometry;
import org.flowscope.methods.esrrf.TemporalCorrelation;

/**
 * eSRRF on every device of a machine: parity of the OpenCL and CUDA implementations with the Java reference and
 * the threaded CPU implementation (both geometries, every statistic), then timings of windows of frames at several
 * sizes (x5, r 1.5, AVG). Prints one line per measurement; used by {@code bench/gpu}.
 *
 * <p>Usage: {@code EsrrfDeviceProof [sizes=128,512,1024,2048] [frames=100] [reps=3] [cpuFrames=10]
 * [backends=all|cuda|opencl-gpu|opencl-cpu] [mode=all|parity|timings]}. One backend per process keeps a driver crash from taking the others'
 * results with it; {@code cuda} also times the threaded CPU implementation.
 */
public final class EsrrfDeviceProof {
    private EsrrfDeviceProof() {
    }

    /** Blinking-like seeded frames: background, noise and a few hundred Gaussian spots per frame; never all zero. */
    static ImageStack frames(int n, int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] d = new float[n * size * size];
        int spots = Math.max(4, size * size / 400);
        double[] sx = new double[spots];
        double[] sy = new double[spots];
        for (int i = 0; i < spots; i++) {
            sx[i] = r.nextDouble(0, size);
            sy[i] = r.nextDouble(0, size);
        }
        for (int f = 0; f < n; f++) {
            int o = f * size * size;
            for (int i = 0; i < size * size; i++) {
                d[o + i] = 100 + (float) r.nextDouble(0, 10);
            }
            for (int s = 0; s < spots; s++) {
                if (r.nextDouble() > 0.3) {
                    continue;
                }
                int cx = (int) sx[s];
                int cy = (int) sy[s];
                for (int y = Math.max(0, cy - 4); y < Math.min(size, cy + 5); y++) {
                    for (int x = Math.max(0, cx - 4); x < Math.min(size, cx + 5); x++) {
                        double dx = x + 0.5 - sx[s];
                        double dy = y + 0.5 - sy[s];
                        d[o + y * size + x] += (float) (500 * Math.exp(-(dx * dx + dy * dy) / (2 * 1.3 * 1.3)));
                    }
                }
            }
        }
        return new ImageStack(n, size, size, d);
    }

    /** PoCL's CPU device takes minutes on the large sizes; it is in the parity check only. */
    private static boolean timed(String name) {
        return !name.contains("pthread") && !name.toLowerCase(Locale.ROOT).contains("cpu");
    }

    interface Impl {
        ImageStack run(EsrrfParams p, ImageStack in, DeviceTimings t);
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {128, 512, 1024, 2048};
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int cpuFrames = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String backends = args.length > 4 ? args[4] : "all";
        String mode = args.length > 5 ? args[5] : "all";
        boolean cuda = backends.equals("all") || backends.equals("cuda");
        boolean openCl = backends.equals("all") || backends.startsWith("opencl");
        try (DeviceSet set = DeviceDiscovery.discover(Runtime.getRuntime().availableProcessors(), openCl, cuda)) {
            CpuDevice cpu = set.cpu().orElseThrow();
            List<String> names = new ArrayList<>();
            List<Impl> impls = new ArrayList<>();
            for (Device d : set.devices(DeviceKind.CUDA)) {
                for (EsrrfCuda.Kernel k : EsrrfCuda.Kernel.values()) {
                    names.add("cuda " + d.identity().model() + " " + k.name().toLowerCase(Locale.ROOT));
                    impls.add((p, in, t) -> EsrrfCuda.apply(p, in, (CudaDevice) d, t, k));
                }
            }
            for (Device d : set.devices(DeviceKind.OPENCL)) {
                boolean cpuDevice = !timed("opencl " + d.identity().model());
                if (backends.equals("opencl-gpu") && cpuDevice || backends.equals("opencl-cpu") && !cpuDevice) {
                    continue;
                }
                names.add("opencl " + d.identity().model());
                impls.add((p, in, t) -> EsrrfOpenCl.apply(p, in, (OpenClDevice) d, t));
            }
            set.backends().forEach(b -> System.out.println("backend " + b.kind() + ": " + b.devices() + " device(s)"
                    + (b.reason().isEmpty() ? "" : ", " + b.reason().lines().findFirst().orElse(""))));
            System.out.println("cpu " + cpu.identity().model() + " x " + cpu.cores());
            if (!mode.equals("timings")) {
                parity(names, impls, cpu);
            }
            if (!backends.equals("opencl-cpu") && !mode.equals("parity")) {
                timings(names, impls, cpu, sizes, frames, reps, cpuFrames, backends.equals("all") || cuda);
            }
        }
    }

    private static void parity(List<String> names, List<Impl> impls, CpuDevice cpu) {
        Tolerance tol = new Esrrf().tolerance();
        int failures = 0;
        for (Geometry g : Geometry.values()) {
            for (TemporalCorrelation stat : TemporalCorrelation.values()) {
                for (int[] shape : new int[][] {{7, 37, 45}, {20, 256, 256}}) {
                    ImageStack in = frames(shape[0], shape[1], 11 + shape[1]);
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
                        System.out.printf(Locale.ROOT, "parity %-5s %-8s %-4s %dx%dx%d %-40s vs %-18s max|diff|/max %.2e %s%n",
                                v == null ? "PASS" : "FAIL", g, stat, shape[0], shape[1], shape[2], names.get(i), refName, rel,
                                v == null ? "" : v);
                    }
                }
            }
        }
        System.out.println("parity failures: " + failures);
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

    private static void timings(List<String> names, List<Impl> impls, CpuDevice cpu, int[] sizes, int frames, int reps,
            int cpuFrames, boolean withCpu) {
        EsrrfParams p = EsrrfParams.defaults();
        for (int size : sizes) {
            ImageStack in = frames(frames, size, size);
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
                System.out.printf(Locale.ROOT, "time %-40s %4dx%-4d x%d frames %3d: window %.1f ms, %.3f ms/frame, %.0f frames/s"
                        + " (end to end, incl. upload %.1f ms); device-resident kernels %.3f ms/frame, %.0f frames/s%n",
                        names.get(i), size, size, p.magnification(), frames, med, med / frames, 1000 * frames / med,
                        median(upload), kMed / frames, 1000 * frames / kMed);
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
            System.out.printf(Locale.ROOT, "time %-40s %4dx%-4d x%d frames %3d: window %.1f ms, %.3f ms/frame, %.1f frames/s%n",
                    "cpu-threaded x" + cpu.cores(), size, size, p.magnification(), n, med, med / n, 1000 * n / med);
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
