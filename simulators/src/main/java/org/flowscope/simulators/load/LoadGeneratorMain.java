package org.flowscope.simulators.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The load generator as its own process, so that it contends with the process under test the way a second
 * program does (separate contexts, separate scheduling), as in NanoPyx's experiment.
 *
 * <pre>
 *   java -cp … org.flowscope.simulators.load.LoadGeneratorMain --target cpu|opencl|cuda
 *        [--threads N] [--memory-fraction F] [--contexts C] [--launch-ms M] [--copy-mb MB] [--device NAME]
 *        [--max-seconds S]
 * </pre>
 *
 * Protocol: prints {@code READY <description>} once the load runs (or {@code FAILED <reason>} and exits with 4);
 * stops on a {@code stop} line or end of standard input (so it dies with its parent), or after
 * {@code --max-seconds} (default 3600), then prints {@code STOPPED}. Bad arguments exit with 2.
 */
public final class LoadGeneratorMain {
    private LoadGeneratorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        DeviceLoad load;
        double maxSeconds;
        try {
            Options o = Options.parse(args);
            maxSeconds = o.maxSeconds;
            load = switch (o.target) {
                case CPU -> new CpuLoad(o.threads);
                case OPENCL -> new OpenClLoad(o.gpu);
                case CUDA -> new CudaLoad(o.gpu);
            };
        } catch (IllegalArgumentException e) {
            out.println("FAILED " + e.getMessage());
            out.flush();
            return 2;
        }
        try {
            load.start();
        } catch (RuntimeException e) {
            out.println("FAILED " + e.getMessage());
            out.flush();
            return 4;
        }
        out.println("READY " + load.describe());
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.trim().equalsIgnoreCase("stop")) {
                        break;
                    }
                }
            } catch (java.io.IOException e) {
                // a broken pipe means the parent is gone: stop as on end of input
            }
            stop.countDown();
        }, "load-stdin");
        stdin.setDaemon(true);
        stdin.start();
        try {
            stop.await((long) (maxSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        load.close();
        out.println("STOPPED");
        out.flush();
        return 0;
    }

    private static final class Options {
        LoadTarget target = LoadTarget.CPU;
        int threads = Runtime.getRuntime().availableProcessors();
        double maxSeconds = 3600;
        double memoryFraction = GpuLoadSettings.defaults().memoryFraction();
        int contexts = GpuLoadSettings.defaults().contexts();
        double launchMs = GpuLoadSettings.defaults().launchMillis();
        String device = "";
        int copyMb = GpuLoadSettings.defaults().copyMegabytes();
        GpuLoadSettings gpu;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + a + " needs a value");
                }
                String v = args[++i];
                try {
                    switch (a) {
                        case "--target" -> o.target = LoadTarget.parse(v);
                        case "--threads" -> o.threads = Integer.parseInt(v);
                        case "--memory-fraction" -> o.memoryFraction = Double.parseDouble(v);
                        case "--contexts" -> o.contexts = Integer.parseInt(v);
                        case "--launch-ms" -> o.launchMs = Double.parseDouble(v);
                        case "--device" -> o.device = v;
                        case "--copy-mb" -> o.copyMb = Integer.parseInt(v);
                        case "--max-seconds" -> o.maxSeconds = Double.parseDouble(v);
                        default -> throw new IllegalArgumentException("unknown option " + a);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("option " + a + " needs a number, got '" + v + "'");
                }
            }
            if (!(o.maxSeconds > 0)) {
                throw new IllegalArgumentException("--max-seconds must be > 0, got " + o.maxSeconds);
            }
            o.gpu = new GpuLoadSettings(o.memoryFraction, o.contexts, o.launchMs, o.device, o.copyMb);
            return o;
        }
    }
}
