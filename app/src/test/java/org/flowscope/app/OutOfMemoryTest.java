package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flowscope.app.run.RunReportFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Out of heap, for real: the CLI in a child JVM with a heap too small for an eSRRF ×10 of a small stack. It must end
 * with exit 4 and a message that says what ran out, the sizes and how to give the JVM more memory, never a raw
 * trace, a hang or an output that looks complete.
 */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    private record Child(int exitCode, String output) {
    }

    private Child run(String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                FlowscopeCli.class.getName()));
        command.addAll(List.of(args));
        Path log = dir.resolve("child-" + System.nanoTime() + ".log");
        // the surefire fork preloads libjsig (see the root pom); a user's run started by the launcher on a machine without
        // an NVIDIA driver does not, and libjsig warns on stderr when a library calls signal()
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("LD_PRELOAD");
        Process child = pb.start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertTrue(ended, "the child hung after running out of memory: " + output);
        return new Child(child.exitValue(), output);
    }

    private static void assertExplained(Child c, String work) {
        assertEquals(4, c.exitCode(), c.output());
        assertTrue(c.output().contains("flowscope: failed: out of memory: the Java heap ran out while running " + work),
                c.output());
        assertTrue(c.output().contains("the JVM may use at most "), c.output());
        assertTrue(c.output().contains("Give the JVM more memory: FLOWSCOPE_JAVA_OPTS=-Xmx2g ./flowscope"), c.output());
        assertFalse(c.output().contains("\tat "), "no raw stack trace: " + c.output());
        assertFalse(c.output().contains("Exception in thread"), c.output());
    }

    private Path stack() {
        Path input = dir.resolve("s.tif");
        CliRunner.Result sim = CliRunner.run("simulate", "--frames", "4", "--size", "256x256", "--out", input.toString());
        assertEquals(0, sim.exitCode(), sim.toString());
        return input;
    }

    @Test
    void processEsrrfOutOfHeapSaysWhatRanOutTheSizesAndHowToGiveTheJvmMoreMemory() throws Exception {
        Path input = stack();
        Path output = dir.resolve("o.tif");
        Child c = run("-Xmx48m", "process", "esrrf", "--input", input.toString(), "--output", output.toString(),
                "--magnification", "10", "--backend", "cpu");
        assertExplained(c, "process esrrf of s.tif (4 frames of 256x256, 1.0 MiB as float32), computing");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("o.tif")).toList(),
                    "no output, complete-looking or partial");
        }
    }

    @Test
    void liveOutOfHeapEndsFailedWithTheSameKindOfMessageInsteadOfHanging() throws Exception {
        Path out = dir.resolve("run");
        Child c = run("-Xmx64m", "live", "--source", "sim:size=256x256,seed=3", "--frames", "20", "--window", "10",
                "--op", "esrrf", "--magnification", "10", "--backend", "cpu", "--save-raw", "--out", out.toString());
        assertExplained(c, "live --op esrrf on 256x256 U16 frames, windows of 10 frames every 10");
        var run = RunReportFile.read(out.resolve("run.json"));
        assertEquals("failed", run.status());
        assertTrue(run.error().contains("out of memory: the Java heap ran out"), run.error());
        assertFalse(Files.exists(out.resolve("result.tif")), "no window completed, so no result looks complete");
        int rawFrames = org.flowscope.core.io.TiffStacks.read(out.resolve("raw.tif")).stack().frames();
        // the heap may run out before the first window fills: every frame acquired until the source stopped is kept
        assertTrue(rawFrames >= 1 && rawFrames <= 20, "the frames acquired are kept and readable: " + rawFrames);
        if (run.counters() != null && run.counters().containsKey("raw.frames")) {
            assertEquals(run.counters().get("raw.frames").intValue(), rawFrames, "run.json counts what raw.tif holds");
        }
    }
}
