package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscope.app.CliOutput;
import org.flowscope.app.CliRunner;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code process esrrf-sweep} end to end on a small simulated stack: its files, their agreement, its bad inputs. */
class EsrrfSweepCommandTest {
    @TempDir
    Path dir;

    private Path input;

    @BeforeEach
    void simulate() {
        input = dir.resolve("in.tif");
        CliRunner.Result r = CliRunner.run("simulate", "--frames", "12", "--size", "24x24", "--seed", "3", "--out", input.toString());
        assertEquals(0, r.exitCode(), r.toString());
    }

    private CliRunner.Result sweep(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("process", "esrrf-sweep", "--input", input.toString(),
                "--out", out.toString(), "--magnification", "3", "--backend", "cpu", "--no-history"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private static List<String[]> csv(Path p) throws Exception {
        return Files.readAllLines(p).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void writesEveryMapAsTiffAndCsvTheTableTheHeatMapAndTheBestParametersAllAgreeing() throws Exception {
        Path out = dir.resolve("sweep");
        CliRunner.Result r = sweep(out, "--radius", "2,1", "--sensitivity", "1,2", "--frames", "6,12", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        for (String f : List.of("rsp.tif", "resolution.tif", "qnr.tif", "rsp.csv", "resolution.csv", "qnr.csv", "sweep.csv",
                "sweep.svg", "best.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        try (var files = Files.list(out)) {
            assertEquals(9, files.count(), "no partial or extra files");
        }
        // TIFF maps: x = radius (1, 2), y = sensitivity (1, 2), frame = frame count (6, 12)
        ImageStack qnr = TiffStacks.read(out.resolve("qnr.tif")).stack();
        ImageStack rsp = TiffStacks.read(out.resolve("rsp.tif")).stack();
        assertEquals(List.of(2, 2, 2), List.of(qnr.frames(), qnr.height(), qnr.width()));
        List<String[]> qnrCsv = csv(out.resolve("qnr.csv"));
        assertEquals(List.of("frames", "sensitivity", "radius=1.0", "radius=2.0"), List.of(qnrCsv.get(0)));
        assertEquals(5, qnrCsv.size());
        int bestIndex = -1;
        for (int f = 0; f < 2; f++) {
            for (int s = 0; s < 2; s++) {
                String[] row = qnrCsv.get(1 + f * 2 + s);
                assertEquals(List.of(f == 0 ? "6" : "12", s == 0 ? "1.0" : "2.0"), List.of(row[0], row[1]));
                for (int c = 0; c < 2; c++) {
                    float v = qnr.get(f, s, c);
                    assertEquals(v, Double.parseDouble(row[2 + c]), 1e-5 * Math.max(1, Math.abs(v)));
                    int i = (f * 2 + s) * 2 + c;
                    if (Float.isFinite(v) && (bestIndex < 0 || v > qnr.data()[bestIndex])) {
                        bestIndex = i;
                    }
                }
            }
        }
        assertTrue(bestIndex >= 0, "some combination was scored");
        List<String[]> table = csv(out.resolve("sweep.csv"));
        assertEquals(9, table.size());
        List<String> header = List.of(table.get(0));
        assertEquals(List.of("radius", "sensitivity", "frames", "blocks", "rsp"), header.subList(0, 5));
        assertEquals("true", table.get(1 + bestIndex)[header.indexOf("best")], "the table marks the best row");
        assertEquals(rsp.data()[bestIndex], Double.parseDouble(table.get(1 + bestIndex)[header.indexOf("rsp")]), 1e-5);
        assertEquals("2", table.get(1)[header.indexOf("blocks")], "12 frames make 2 blocks of 6");

        JsonNode best = CliOutput.mapper().readTree(Files.readString(out.resolve("best.json")));
        JsonNode b = best.get("best");
        assertEquals(bestIndex % 2 == 0 ? 1.0 : 2.0, b.get("radius").asDouble());
        assertEquals(bestIndex / 2 % 2 == 0 ? 1.0 : 2.0, b.get("sensitivity").asDouble());
        assertEquals(bestIndex / 4 == 0 ? 6 : 12, b.get("frames").asInt());
        assertEquals(qnr.data()[bestIndex], b.get("qnr").asDouble(), 1e-6);
        assertTrue(b.get("esrrfCommand").asText().startsWith("flowscope process esrrf --input " + input), b.toString());
        assertEquals("x = radius, y = sensitivity, frame = frames per reconstruction", best.get("axes").get("layout").asText());
        assertEquals(2, best.get("bestPerFrameCount").size());
        JsonNode stdout = CliOutput.mapper().readTree(r.out());
        assertEquals(b, stdout.get("best"), "--json reports what best.json holds");
        String svg = Files.readString(out.resolve("sweep.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains("QnR, 12 frames") && svg.contains("RSP, 6 frames"), svg);
    }

    @Test
    void theDecorrelationMetricMeasuresTheWholeReconstruction() throws Exception {
        Path out = dir.resolve("decorr");
        CliRunner.Result r = sweep(out, "--radius", "1.5", "--sensitivity", "1,2", "--resolution", "decorr", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = CliOutput.mapper().readTree(r.out());
        assertEquals("decorr", json.get("fixed").get("resolutionMetric").asText());
        assertTrue(json.get("implementations").fieldNames().next().startsWith("decorr."), json.get("implementations").toString());
        assertFalse(Files.readString(out.resolve("sweep.csv")).contains("frc"));
    }

    @Test
    void anEmptyListANonPositiveRadiusOrMoreFramesThanTheStackExitWithThreeAndLeaveNothing() {
        Path out = dir.resolve("bad");
        String[][] cases = {
            {"--radius", "", "--radius needs at least one value, got ''"},
            {"--radius", "1,,2", "--radius has an empty entry in '1,,2'"},
            {"--radius", "0,1", "radius must be finite and > 0 input pixels, got 0.0"},
            {"--radius", "-1", "radius must be finite and > 0 input pixels, got -1.0"},
            {"--sensitivity", "0.5", "sensitivity must be finite and >= 1, got 0.5"},
            {"--frames", "6,100", "frames per reconstruction 100 is more than the stack's 12 frames"},
            {"--frames", "1", "frames per reconstruction must be >= 2 for FRC with AVG, got 1"},
            {"--frames", "six", "--frames takes whole numbers of frames, got 'six'"},
        };
        for (String[] c : cases) {
            CliRunner.Result r = sweep(out, c[0], c[1]);
            assertEquals(3, r.exitCode(), String.join(" ", c) + "\n" + r);
            assertTrue(r.err().contains(c[2]), c[2] + "\n" + r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
    }

    @Test
    void aStackWithNothingToMeasureWritesItsMapsButExitsWithThreeAndNoBest() throws Exception {
        float[] d = new float[4 * 16 * 16];
        java.util.Arrays.fill(d, 100);
        input = dir.resolve("flat.tif");
        TiffStacks.writeF32(input, new ImageStack(4, 16, 16, d), org.flowscope.core.io.StackMetadata.of(
                org.flowscope.core.frame.PixelType.F32));
        Path out = dir.resolve("flat");
        CliRunner.Result r = sweep(out, "--radius", "1,2", "--sensitivity", "1");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no parameter combination could be scored"), r.err());
        JsonNode best = CliOutput.mapper().readTree(Files.readString(out.resolve("best.json")));
        assertTrue(best.get("best").isNull(), best.toString());
        assertEquals(2, best.get("unscored").size());
        assertTrue(Files.readString(out.resolve("sweep.csv")).contains("reconstruction is constant"));
    }

    @Test
    void anUnknownResolutionMetricIsAUsageErrorNamingTheChoices() {
        CliRunner.Result r = sweep(dir.resolve("o"), "--resolution", "fwhm");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("fwhm") && r.err().contains("FRC") && r.err().contains("DECORR"), r.err());
    }

    @Test
    void anEarlierSweepIsOnlyReplacedWithOverwrite() {
        Path out = dir.resolve("again");
        assertEquals(0, sweep(out, "--radius", "1.5", "--sensitivity", "1").exitCode());
        CliRunner.Result again = sweep(out, "--radius", "1.5", "--sensitivity", "1");
        assertEquals(3, again.exitCode(), again.toString());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(0, sweep(out, "--radius", "1.5", "--sensitivity", "1", "--overwrite").exitCode());
    }
}
