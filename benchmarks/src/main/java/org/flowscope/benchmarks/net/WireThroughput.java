package org.flowscope.benchmarks.net;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.flowscope.adapters.net.FrameServiceConfig;
import org.flowscope.adapters.net.ServedFrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.mmplugin.FrameSender;
import org.flowscope.mmplugin.OutgoingFrame;
import org.flowscope.mmplugin.SenderSettings;
import org.flowscope.mmplugin.SenderStats;

/**
 * Frames/s from the Micro-Manager plugin's sender through a loopback socket into the service's consumer, which
 * copies every frame as the ingest ring does. Not a test: run it by hand and record the result in
 * docs/benchmarks.md.
 *
 * <pre>java -cp … org.flowscope.benchmarks.net.WireThroughput [frames=4000] [width=512] [height=512] [rounds=5]</pre>
 */
public final class WireThroughput {
    private WireThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        short[] pixels = new short[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) (i * 7919);
        }
        double[] rates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            rates[r] = round(frames, width, height, pixels);
            System.out.printf(Locale.ROOT, "round %d: %.0f frames/s (%.2f GB/s)%n", r + 1, rates[r],
                    rates[r] * width * height * 2 / 1e9);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%dx%d u16, %d frames x %d rounds: median %.0f frames/s (%.2f GB/s), min %.0f, max %.0f%n",
                width, height, frames, rounds, sorted[rounds / 2], sorted[rounds / 2] * width * height * 2 / 1e9,
                sorted[0], sorted[rounds - 1]);
    }

    private static double round(int frames, int width, int height, short[] pixels) throws Exception {
        ServedFrameSource service = ServedFrameSource.start(FrameServiceConfig.loopback(0).withStopWhenClientEnds(true)
                .withMaxFrameBytes(Math.max(FrameServiceConfig.DEFAULT_MAX_FRAME_BYTES, (long) width * height * 2)));
        short[] ring = new short[width * height];
        long[] checksum = {0};
        Thread run = new Thread(() -> {
            try {
                service.run((m, p) -> {
                    short[] s = ((PixelData.U16) p).pixels();
                    System.arraycopy(s, 0, ring, 0, s.length);
                    checksum[0] += ring[s.length - 1];
                });
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
        SenderStats stats = sender.stats();
        // Each refused offer was counted as a dropped frame by the sender; the retried frame was then delivered.
        if (stats.acknowledged != frames || service.stats().framesAccepted() != frames) {
            throw new IllegalStateException("lost frames: " + stats.summary() + " / " + service.stats().summary());
        }
        return frames * 1e9 / (t1 - t0);
    }
}
