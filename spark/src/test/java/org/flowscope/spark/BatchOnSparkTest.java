package org.flowscope.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.flowscope.app.FlowscopeCli;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowscope batch} on {@code local[2]} inside the test JVM, one Spark context for the class. */
class BatchOnSparkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FRAMES = 30;
    private static final int SIZE = 32;

    private static JavaSparkContext spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSpark() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("flowscope batch test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
        ExecutorEngines.closeAll();
    }

    @Test
    void theBatchResultEqualsProcessEsrrfBitForBitOnTheCpuReference() throws IOException {
        Path in = stack(dir.resolve("cell.tif"), 1);
        // 30 frames in time points of 8: blocks of 8, 8, 8 and a shorter last one of 6, each its own task
        Outcome batch = batch("--inputs", in.toString(), "--op", "esrrf", "--magnification", "2",
                "--frames-per-timepoint", "8", "--implementation", "esrrf.cpu", "--no-history",
                "--out", dir.resolve("out").toString());
        assertEquals(0, batch.code, batch.text);
        Path processed = dir.resolve("process.tif");
        StringWriter err = new StringWriter();
        int code = FlowscopeCli.execute(new String[] {"process", "esrrf", "--input", in.toString(), "--output",
                processed.toString(), "--magnification", "2", "--frames-per-timepoint", "8", "--implementation",
                "esrrf.cpu", "--no-history"}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());

        TiffStack expected = TiffStacks.read(processed);
        TiffStack actual = TiffStacks.read(dir.resolve("out/cell/result.tif"));
        assertEquals(4, actual.stack().frames());
        assertEquals(expected.stack().width(), actual.stack().width());
        assertArrayEquals(bits(expected.stack().data()), bits(actual.stack().data()));
        assertEquals(expected.metadata().pixelSizeNm(), actual.metadata().pixelSizeNm());

        JsonNode run = JSON.readTree(dir.resolve("out/cell/run.json").toFile());
        assertEquals("ok", run.path("status").asText());
        assertEquals(4, run.path("blocks").size());
        assertEquals(24, run.path("blocks").get(3).path("firstFrame").asInt());
        assertEquals("esrrf.cpu", run.path("blocks").get(3).path("implementation").asText());
        assertEquals(2, run.path("parameters").path("magnification").asInt());
    }

    @Test
    void aCorruptInputIsReportedInBatchJsonWhileTheOthersComplete() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        stack(data.resolve("a.tif"), 2);
        Path good = stack(data.resolve("c.tif"), 3);
        // a TIFF whose pixels stop half-way through: the header reads, the frames do not
        byte[] whole = Files.readAllBytes(good);
        Files.write(data.resolve("b_truncated.tif"), Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(data.resolve("d_garbage.tif"), "not a TIFF at all");

        Outcome batch = batch("--inputs", data + "/*.tif", "--op", "esrrf", "--magnification", "2",
                "--frames-per-timepoint", "10", "--no-history", "--backend", "cpu", "--out", dir.resolve("out").toString());
        assertEquals(3, batch.code, "every failure is the input's: exit code 3\n" + batch.text);
        JsonNode summary = JSON.readTree(dir.resolve("out/batch.json").toFile());
        assertEquals("failed", summary.path("status").asText());
        assertEquals(2, summary.path("ok").asInt());
        assertEquals(2, summary.path("failed").asInt());
        List<String> statuses = new ArrayList<>();
        for (JsonNode e : summary.path("entries")) {
            statuses.add(e.path("output").asText() + "=" + e.path("status").asText());
            if (e.path("status").asText().equals("failed")) {
                assertTrue(e.path("badInput").asBoolean(), e.toString());
                assertFalse(e.path("error").asText().isBlank(), e.toString());
                assertTrue(e.path("error").asText().contains(e.path("output").asText()),
                        "the error names the file: " + e);
                assertFalse(Files.exists(dir.resolve("out").resolve(e.path("output").asText()).resolve("run.json")));
            }
        }
        assertEquals(List.of("a=ok", "b_truncated=failed", "c=ok", "d_garbage=failed"), statuses);
        assertEquals(3, TiffStacks.read(dir.resolve("out/c/result.tif")).stack().frames());
        String html = Files.readString(dir.resolve("out/batch.html"));
        assertTrue(html.contains("b_truncated") && html.contains("failed"), "batch.html lists the failure");
    }

    @Test
    void aReRunSkipsCompleteOutputsAndRedoesAnUnfinishedOne() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        stack(data.resolve("x.tif"), 4);
        stack(data.resolve("y.tif"), 5);
        Path list = dir.resolve("inputs.txt");
        Files.writeString(list, "# two acquisitions\ndata/x.tif\n\ndata/y.tif\n");
        String[] args = {"--inputs", list.toString(), "--op", "esrrf", "--magnification", "2", "--no-history",
                "--backend", "cpu", "--out", dir.resolve("out").toString()};
        assertEquals(0, batch(args).code);
        Path x = dir.resolve("out/x/result.tif");
        FileTime made = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(x, made);
        // y was interrupted after its result was written, before its run.json: not complete
        Files.delete(dir.resolve("out/y/run.json"));

        Outcome again = batch(args);
        assertEquals(0, again.code, again.text);
        JsonNode summary = JSON.readTree(dir.resolve("out/batch.json").toFile());
        assertEquals(1, summary.path("skipped").asInt());
        assertEquals(1, summary.path("ok").asInt());
        assertEquals("skipped", summary.path("entries").get(0).path("status").asText());
        assertEquals(made, Files.getLastModifiedTime(x), "a complete output is not rewritten");
        assertTrue(Files.exists(dir.resolve("out/y/run.json")));

        // other parameters do not take the folder as theirs
        String[] other = args.clone();
        other[5] = "3";
        Outcome changed = batch(other);
        assertEquals(3, changed.code, changed.text);
        assertTrue(changed.text.contains("other parameters"), changed.text);
    }

    private record Outcome(int code, String text) {
    }

    private static Outcome batch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BatchMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), spark);
        return new Outcome(code, out + "\n" + err);
    }

    /** A seeded u16 stack of FRAMES frames of SIZE x SIZE: blinking spots on a background. */
    private static Path stack(Path file, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] px = new float[FRAMES * SIZE * SIZE];
        double[][] spots = new double[6][];
        for (int s = 0; s < spots.length; s++) {
            spots[s] = new double[] {4 + rnd.nextDouble() * (SIZE - 8), 4 + rnd.nextDouble() * (SIZE - 8)};
        }
        for (int f = 0; f < FRAMES; f++) {
            for (double[] s : spots) {
                if (rnd.nextDouble() < 0.5) {
                    continue;
                }
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        double d2 = (x + 0.5 - s[0]) * (x + 0.5 - s[0]) + (y + 0.5 - s[1]) * (y + 0.5 - s[1]);
                        px[(f * SIZE + y) * SIZE + x] += (float) (400 * Math.exp(-d2 / 2.0));
                    }
                }
            }
            for (int i = 0; i < SIZE * SIZE; i++) {
                px[f * SIZE * SIZE + i] = Math.round(px[f * SIZE * SIZE + i] + 100 + rnd.nextInt(20));
            }
        }
        TiffStacks.writeU16(file, new ImageStack(FRAMES, SIZE, SIZE, px), StackMetadata.of(PixelType.U16, 100, 10));
        return file;
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Float.floatToRawIntBits(v[i]);
        }
        return b;
    }
}
