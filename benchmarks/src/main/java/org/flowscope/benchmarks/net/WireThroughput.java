package org.flowscope.benchmarks.net;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.flowscope.adapters.net.FrameServiceConfig;
import org.flowscope.adapters.net.ServedFrameSource;
import org.flowscope.methods.average.AverageCpu;
import org.flowscope.methods.average.AverageWindow;
import org.flowscope.core.pipeline.LivePipeline;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.sink.FrameSink;
import org.flowscope.core.sink.TiffFrameSink;
import org.flowscope.core.sink.TiffResultSink;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.stream.BackpressurePolicy;
import org.flowscope.core.stream.RunCounters;
import org.flowscope.core.window.WindowSpec;
import org.flowscope.mmplugin.FrameSender;
import org.flowscope.mmplugin.OutgoingFrame;
import org.flowscope.mmplugin.SenderSettings;
import org.flowscope.mmplugin.SenderStats;

/**
 * Frames/s from the Micro-Manager plugin's sender through a loopback socket into the service and on through the
 * live pipeline's raw sink. Not a test: run it by hand and record the result in docs/benchmarks.md.
 *
 * <p>Modes: {@code raw} (default) runs the served frames through {@link LivePipeline} (ingest ring, frame pool)
 * into a {@link TiffFrameSink} writing raw.tif into DIR (use a RAM disk such as /dev/shm to measure the path, not
 * the disk), with a 100-frame average as the operator under the {@code skip} policy (the analysis may drop
 * windows; the raw path may not, and it is what is measured); {@code ring} is the same with a discarding raw sink;
 * {@code copy} replaces the pipeline by a consumer that only copies each frame (the transport alone).
 *
 * <pre>java -cp … org.flowscope.benchmarks.net.WireThroughput [frames=4000] [width=512] [height=512] [rounds=5]
 *     [raw|ring|copy] [DIR=/dev/shm]</pre>
 */
public final class WireThroughput {
    private WireThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        String mode = args.length > 4 ? args[4] : "raw";
        if (!mode.equals("raw") && !mode.equals("ring") && !mode.equals("copy")) {
            throw new IllegalArgumentException("mode must be raw, ring or copy, got " + mode);
        }
        Path dir = Path.of(args.length > 5 ? args[5] : "/dev/shm");
        short[] pixels = new short[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (i * 7919);
        }
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = round(frames, width, height, pixels, mode, dir);
            System.out.printf(Locale.ROOT, "round %d: %.0f frames/s (%.2f GB/s)%n", r + 1, rates[r],
                    rates[r] * width * height * 2 / 1e9);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s, %dx%d u16, %d frames x %d rounds: median %.0f frames/s (%.2f GB/s), min %.0f, max %.0f%n",
                switch (mode) {
                    case "raw" -> "through the live pipeline's raw sink (" + dir + ")";
                    case "ring" -> "through the live pipeline, raw sink discarding";
                    default -> "transport + copy only";
                },
                width, height, frames, rounds, sorted[rounds / 2], sorted[rounds / 2] * width * height * 2 / 1e9,
                sorted[0], sorted[rounds - 1]);
    }

    private static double round(int frames, int width, int height, short[] pixels, String mode, Path dir)
            throws Exception {
        ServedFrameSource service = ServedFrameSource.start(FrameServiceConfig.loopback(0).withStopWhenClientEnds(true)
                .withMaxFrameBytes(Math.max(FrameServiceConfig.DEFAULT_MAX_FRAME_BYTES, (long) width * height * 2)));
        Path raw = mode.equals("raw") ? Files.createTempFile(dir, "wire-bench-", ".tif") : null;
        long[] delivered = {0};
        Thread run = new Thread(() -> {
            try {
                if (mode.equals("copy")) {
                    short[] ring = new short[width * height];
                    service.run((m, p) -> {
                        short[] s = ((PixelData.U16) p).pixels();
                        System.arraycopy(s, 0, ring, 0, s.length);
                        delivered[0]++;
                    });
                } else {
                    Path result = Files.createTempFile(dir, "wire-bench-", ".result.tif");
                    FrameSink rawSink = raw == null ? FrameSink.discarding() : new TiffFrameSink(raw, service.format());
                    RunSummary summary = LivePipeline.builder(service).window(WindowSpec.tumbling(100))
                            .operator(new AverageWindow()).policy(BackpressurePolicy.SKIP).rawSink(rawSink).resultSink(new TiffResultSink(result, 0, 0))
                            .build().run();
                    delivered[0] = summary.counter(RunCounters.INGEST_FRAMES);
                    Files.deleteIfExists(result);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, "bench-service");
        run.start();
        InetSocketAddress a = service.address();
        FrameSender sender = new FrameSender(new SenderSettings(a.getHostString(), a.getPort(), "", "", "", 64, "bench"));
        long t0 = System.nanoTime();
        for (int k = 0; k < frames; k++) {
            OutgoingFrame f = new OutgoingFrame(width, height, OutgoingFrame.PIXEL_U16, pixels, k, k, Double.NaN, 0);
            while (!sender.offer(f)) {
                // The benchmark measures the path, not the plugin's drop policy: retry instead of dropping,
                // without spinning (the box has two cores and the path needs three threads).
                LockSupport.parkNanos(50_000);
            }
        }
        sender.finish();
        if (!sender.awaitFinished(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sender did not finish");
        }
        long t1 = System.nanoTime();
        run.join();
        service.close();
        if (raw != null) {
            Files.deleteIfExists(raw);
        }
        if (delivered[0] != frames) {
            throw new IllegalStateException("the service's sink got " + delivered[0] + " of " + frames + " frames");
        }
        SenderStats stats = sender.stats();
        // Each refused offer was counted as a dropped frame by the sender; the retried frame was then delivered.
        if (stats.acknowledged != frames || service.stats().framesAccepted() != frames) {
            throw new IllegalStateException("lost frames: " + stats.summary() + " / " + service.stats().summary());
        }
        return frames * 1e9 / (t1 - t0);
    }
}
