package org.flowscope.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowscope.app.CliOutput;
import org.flowscope.app.CliRunner;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.FlowscopeCli;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.average.AverageCpu;
import org.flowscope.core.testing.Tifffile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowscope recover} on the folder of a real live run killed with SIGKILL. */
class RecoverCommandTest {
    private static final int W = 48;
    private static final int H = 40;
    private static final int WINDOW = 10;

    @TempDir
    Path dir;

    @Test
    void aKilledLiveRunIsRecoveredIntoValidStacksAndARecoveredRunJson() throws Exception {
        Path out = dir.resolve("run");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FlowscopeCli.class.getName(), "live", "--source", "sim:size=" + W + "x" + H + ",seed=5", "--fps", "400",
                "--frames", "1000000", "--window", Integer.toString(WINDOW), "--op", "average", "--save-raw",
                "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            Path rawPartial = out.resolve("raw.tif.partial");
            Path resPartial = out.resolve("result.tif.partial");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(size(resPartial) > 4096 + 3L * W * H * 4 && size(rawPartial) > 4096 + 40L * W * H * 2)) {
                assertTrue(child.isAlive(), "live ended early: " + Files.readString(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "live wrote too little in 90 s");
                Thread.sleep(50);
            }
            assertTrue(Files.exists(out.resolve("run.json.partial")), "a running run is described by run.json.partial");
            // the folder is locked by the running process: neither a second run nor a recovery may touch it
            CliRunner.Result second = CliRunner.run("live", "--source", "sim", "--frames", "20", "--window", "10",
                    "--out", out.toString(), "--overwrite");
            assertEquals(ExitCodes.BAD_INPUT, second.exitCode(), second.toString());
            assertTrue(second.err().contains("is in use by another flowscope run (pid " + child.pid()), second.err());
            CliRunner.Result early = CliRunner.run("recover", out.toString());
            assertEquals(ExitCodes.BAD_INPUT, early.exitCode(), early.toString());
            assertTrue(early.err().contains("in use"), early.err());
        } finally {
            child.toHandle().destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        long rawFrames = (Files.size(out.resolve("raw.tif.partial")) - 4096) / (W * H * 2);
        long windows = (Files.size(out.resolve("result.tif.partial")) - 4096) / (W * H * 4);

        CliRunner.Result r = CliRunner.run("recover", out.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        try (var files = Files.list(out)) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".partial")).toList();
            assertEquals(List.of(), left);
        }
        JsonNode run = CliOutput.mapper().readTree(Files.readString(out.resolve("run.json")));
        assertEquals("recovered", run.get("status").asText());
        assertEquals(rawFrames, run.get("recovered").get("raw").get("frames").asLong());
        assertEquals(windows, run.get("recovered").get("result").get("windows").asLong());
        assertTrue(run.get("inputs").get("source").asText().startsWith("sim:"), "the run's own inputs are kept");
        assertEquals(WINDOW, run.get("parameters").get("window").asInt());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("status: recovered") && report.contains("reconstruction — first frame"),
                "the recovered run's report, read from the recovered run.json and files");

        TiffStack raw = TiffStacks.read(out.resolve("raw.tif"));
        TiffStack res = TiffStacks.read(out.resolve("result.tif"));
        assertEquals(rawFrames, raw.stack().frames());
        assertEquals(windows, res.stack().frames());
        assertEquals(100.0, raw.metadata().pixelSizeNm().getAsDouble(), 1e-6);
        assertEquals(2.5, raw.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        assertEquals(25.0, res.metadata().frameIntervalMs().getAsDouble(), 1e-9);
        // every recovered result is the mean of its window's recovered raw frames
        for (int k = 0; k < windows && (k + 1) * WINDOW <= rawFrames; k++) {
            float[] expected = AverageCpu.mean(raw.stack().frames(k * WINDOW, (k + 1) * WINDOW)).data();
            float[] actual = res.stack().frame(k).data();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-3, "window " + k + " pixel " + i);
            }
        }
        if (Tifffile.available()) {
            assertEquals(rawFrames + "x" + H + "x" + W, Tifffile.probe(out.resolve("raw.tif")).get("shape"));
        }
        // the recovered folder is a finished run's: a new run needs --overwrite, a second recovery finds nothing
        CliRunner.Result again = CliRunner.run("live", "--source", "sim", "--frames", "20", "--window", "10",
                "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, again.exitCode(), again.toString());
        assertFalse(CliRunner.run("recover", out.toString()).exitCode() == 0);
    }

    @Test
    void recoverWithoutPartialFilesSaysThereIsNothingToRecover() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRunner.Result r = CliRunner.run("recover", empty.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("nothing to recover in " + empty), r.err());
        r = CliRunner.run("recover", dir.resolve("missing").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("not a directory"), r.err());
    }

    private static long size(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }
}
