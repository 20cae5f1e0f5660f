package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.flowscope.app.CliOutput;
import org.flowscope.app.CliRunner;
import org.flowscope.app.ExitCodes;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessReportTest {
    @TempDir
    Path dir;

    private Path stack(String name, int frames, int size, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[frames * size * size];
        for (int i = 0; i < v.length; i++) {
            int x = i % size;
            int y = i / size % size;
            v[i] = (float) (100 * Math.exp(-((x - size / 2.0) * (x - size / 2.0) + (y - size / 3.0) * (y - size / 3.0)) / 18)
                    + 10 + 3 * rnd.nextGaussian());
        }
        Path p = dir.resolve(name);
        TiffStacks.writeF32(p, new ImageStack(frames, size, size, v), StackMetadata.of(PixelType.F32, 100, 10));
        return p;
    }

    private List<Path> htmlFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void withReportTheReportGoesNextToTheOutputWithItsPreviewsDecisionsAndTimings() throws Exception {
        Path in = stack("in.tif", 30, 32, 1);
        Path out = dir.resolve("mean.tif");
        CliRunner.Result r = CliRunner.run("process", "average", "--input", in.toString(), "--output", out.toString(),
                "--frames-per-timepoint", "10", "--report", "--json", "--no-history");
        assertEquals(0, r.exitCode(), r.toString());
        Path report = dir.resolve("mean.report.html");
        JsonNode j = CliOutput.mapper().readTree(r.out());
        assertEquals(report.toString(), j.get("reportHtml").asText());
        assertEquals(3, j.get("outputFrames").asInt(), "the command's own result is still there");
        String html = Files.readString(report);
        assertTrue(html.contains("flowscope process average") && html.contains("--frames-per-timepoint 10"), "command line");
        assertTrue(html.contains(in.toString()) && html.contains("32 × 32"), "the input and its shape");
        assertEquals(3, html.split("<img src=\"data:image/png;base64,", -1).length - 1, "first, last and mean of the output");
        assertTrue(html.contains("average.cpu"), "the engine's choice");
        assertTrue(html.contains("read in.tif") && html.contains("write mean.tif") && html.contains("whole command"), "timings");
        assertFalse(html.contains("<script") || html.contains("src=\"http"), "self-contained");
    }

    @Test
    void withoutReportNoHtmlIsWritten() throws Exception {
        Path in = stack("in.tif", 4, 16, 2);
        CliRunner.Result r = CliRunner.run("process", "average", "--input", in.toString(), "--output",
                dir.resolve("m.tif").toString(), "--no-history");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of(), htmlFiles());
    }

    @Test
    void aCommandThatWritesNoFileReportsNextToItsInputAndPlotsAreInlined() throws Exception {
        Path in = stack("cells.tif", 6, 64, 3);
        CliRunner.Result r = CliRunner.run("process", "decorr", "--input", in.toString(), "--report", "--no-history");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.exists(dir.resolve("cells.decorr.report.html")), htmlFiles().toString());

        Path svg = dir.resolve("frc.svg");
        r = CliRunner.run("process", "frc", "--input", in.toString(), "--plot", svg.toString(), "--curve",
                dir.resolve("frc.csv").toString(), "--report",
                dir.resolve("frc-report.html").toString(), "--no-history");
        assertEquals(0, r.exitCode(), r.toString());
        String html = Files.readString(dir.resolve("frc-report.html"));
        assertTrue(html.contains("<svg") && html.contains("Fourier ring correlation"), "the FRC plot inline");
    }

    @Test
    void theSquirrelReportShowsTheErrorMap() throws Exception {
        Path sr = stack("sr.tif", 1, 64, 4);
        Path ref = stack("ref.tif", 1, 16, 4);
        Path map = dir.resolve("map.tif");
        CliRunner.Result r = CliRunner.run("process", "squirrel", "--input", sr.toString(), "--reference", ref.toString(),
                "--output", map.toString(), "--report", "--no-history");
        assertEquals(0, r.exitCode(), r.toString());
        String html = Files.readString(dir.resolve("map.report.html"));
        assertTrue(html.contains("SQUIRREL error map — first frame"), "the error map preview");
        assertTrue(html.contains("results[0].rse") || html.contains("results"), "RSE in the result table");
    }

    @Test
    void anExistingReportFileIsRefusedBeforeAnyWorkWithoutOverwrite() throws Exception {
        Path in = stack("in.tif", 4, 16, 5);
        Path report = dir.resolve("r.html");
        Files.writeString(report, "keep me");
        Path out = dir.resolve("m.tif");
        CliRunner.Result r = CliRunner.run("process", "average", "--input", in.toString(), "--output", out.toString(),
                "--report", report.toString(), "--no-history");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("r.html already exists"), r.err());
        assertFalse(Files.exists(out), "nothing was computed");
        assertEquals("keep me", Files.readString(report));
    }
}
