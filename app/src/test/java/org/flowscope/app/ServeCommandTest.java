package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.mmplugin.FrameSender;
import org.flowscope.mmplugin.OutgoingFrame;
import org.flowscope.mmplugin.SenderSettings;
import org.flowscope.mmplugin.SenderStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static SenderStats stream(int port, String token, String op, int frames) throws Exception {
        FrameSender sender = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        SenderStats stats;
        // The service starts listening a moment after the command starts: retry until a stream gets through.
        while (true) {
            sender = new FrameSender(new SenderSettings("127.0.0.1", port, token, op, "", frames, "serve-test"));
            for (int k = 0; k < frames; k++) {
                short[] pixels = new short[16 * 8];
                java.util.Arrays.fill(pixels, (short) (1000 + k));
                sender.offer(new OutgoingFrame(16, 8, OutgoingFrame.PIXEL_U16, pixels, k, k * 10_000_000L, 100.0, 0));
            }
            sender.finish();
            assertTrue(sender.awaitFinished(20, TimeUnit.SECONDS));
            stats = sender.stats();
            if (stats.acknowledged > 0 || stats.lastError == null || !stats.lastError.contains("cannot stream")
                    || System.nanoTime() > deadline) {
                return stats;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void servesAPluginStreamThroughTheLivePipelineIntoResultRawAndRunJson(@TempDir Path dir) throws Exception {
        int port = freePort();
        Path out = dir.resolve("run");
        CompletableFuture<CliRunner.Result> serve = CompletableFuture.supplyAsync(() -> CliRunner.run("serve",
                "--port", Integer.toString(port), "--op", "average", "--out", out.toString(), "--window", "5",
                "--save-raw", "--exit-on-end", "--preview", "0"));
        SenderStats stats = stream(port, "", "average", 20);
        CliRunner.Result r = serve.get(30, TimeUnit.SECONDS);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(20, stats.acknowledged, stats.summary());
        assertEquals(20, TiffStacks.read(out.resolve("raw.tif")).stack().frames());
        assertEquals(4, TiffStacks.read(out.resolve("result.tif")).stack().frames());
        String json = Files.readString(out.resolve("run.json"));
        assertTrue(json.contains("\"serve\""), json);
        assertTrue(json.contains("\"framesAccepted\" : 20") || json.contains("\"framesAccepted\":20"), json);
        // serve is live: the preview and the report come with it
        assertTrue(r.err().contains("live preview at http://127.0.0.1:"), r.err());
        var run = org.flowscope.app.run.RunReportFile.read(out.resolve("run.json"));
        assertEquals(4, run.sections().get("preview").get("resultsShown").asInt() + run.counter("preview.skipped"),
                "every result was shown or superseded (latest wins)");
        assertTrue(Files.readString(out.resolve("report.html")).contains("serve:op=average"));
    }

    @Test
    void serveHelpDocumentsTheIdleTimeout() {
        CliRunner.Result r = CliRunner.run("serve", "--help");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("--idle-timeout=S") && r.out().contains("default: 60"), r.toString());
    }

    @Test
    void refusesANegativeIdleTimeoutNamingTheValue(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("serve", "--port", "0", "--op", "average", "--idle-timeout", "-5",
                "--out", dir.resolve("x").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--idle-timeout must be in [0, 86400] seconds (0 = never), got -5.0"), r.toString());
        assertTrue(!Files.exists(dir.resolve("x").resolve("run.json")), "nothing looks like a run");
    }

    @Test
    void thePreviewBeyondLoopbackNeedsAToken(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("serve", "--port", "0", "--op", "average", "--out", dir.resolve("x").toString(),
                "--preview", "0", "--preview-bind", "0.0.0.0");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--preview-token"), r.toString());
    }

    @Test
    void refusesToBindBeyondLoopbackWithoutAToken(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("serve", "--bind", "0.0.0.0", "--port", "0", "--op", "average", "--out",
                dir.resolve("x").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("requires a token"), r.toString());
    }
}
