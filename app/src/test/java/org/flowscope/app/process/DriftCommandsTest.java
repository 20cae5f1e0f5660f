package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.flowscope.app.CliRunner;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.drift.DriftTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class DriftCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    /** Gaussian spots displaced by (dx[t], dy[t]) per frame, seeded. */
    public static ImageStack spots(int h, int w, double[] dx, double[] dy, long seed) {
        return org.flowscope.testkit.DriftingSpots.render(h, w, dx, dy, seed);
    }

    private Path write(String name, ImageStack s) {
        Path p = dir.resolve(name);
        TiffStacks.writeF32(p, s, StackMetadata.of(PixelType.F32));
        return p;
    }

    private String store() {
        return dir.resolve("engine").toString();
    }

    @Test
    void driftEstimateWritesTheTableAndDriftApplyCorrectsTheStack() throws Exception {
        double[] dx = {0, 0.4, 0.9, 1.3, 1.8};
        double[] dy = {0, -0.3, -0.5, -0.9, -1.2};
        Path in = write("s.tif", spots(64, 72, dx, dy, 1));
        Path csv = dir.resolve("drift.csv");
        var r = CliRunner.run("process", "drift-estimate", "--input", in.toString(), "--output", csv.toString(),
                "--store", store(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertTrue(j.path("ok").asBoolean());
        assertEquals(5, j.path("frames").asInt());
        DriftTable t = DriftTable.read(csv);
        for (int i = 0; i < dx.length; i++) {
            assertEquals(dx[i], t.dx(i), 0.05, "dx frame " + i);
            assertEquals(dy[i], t.dy(i), 0.05, "dy frame " + i);
        }
        Path out = dir.resolve("corrected.tif");
        var a = CliRunner.run("process", "drift-apply", "--input", in.toString(), "--drift", csv.toString(), "--output",
                out.toString(), "--store", store());
        assertEquals(0, a.exitCode(), a.toString());
        assertEquals(5, TiffStacks.read(out).stack().frames());
        var again = CliRunner.run("process", "drift-estimate", "--input", out.toString(), "--output",
                dir.resolve("residual.json").toString(), "--store", store());
        assertEquals(0, again.exitCode(), again.toString());
        double[] m = DriftTable.read(dir.resolve("residual.json")).maxAbs();
        assertTrue(m[0] < 0.05 && m[1] < 0.05, "residual drift after correction " + m[0] + ", " + m[1]);
    }

    @Test
    void driftEstimateRejectsASingleFrameWithExitThreeAndNoOutput() {
        Path in = write("one.tif", spots(32, 32, new double[] {0}, new double[] {0}, 2));
        Path csv = dir.resolve("d.csv");
        var r = CliRunner.run("process", "drift-estimate", "--input", in.toString(), "--output", csv.toString(),
                "--store", store());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("at least 2 frames"), r.err());
        assertFalse(Files.exists(csv));
    }

    @Test
    void driftEstimateRejectsAnUnknownImplementation() {
        Path in = write("two.tif", spots(32, 32, new double[] {0, 1}, new double[] {0, 0}, 6));
        var r = CliRunner.run("process", "drift-estimate", "--input", in.toString(), "--output",
                dir.resolve("d.csv").toString(), "--implementation", "nope", "--store", store());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("unknown implementation 'nope'"), r.err());
    }

    @Test
    void driftApplyRejectsAShiftLargerThanTheImage() throws Exception {
        Path in = write("s.tif", spots(32, 32, new double[] {0, 0}, new double[] {0, 0}, 3));
        Path csv = dir.resolve("big.csv");
        Files.writeString(csv, "frame,dx_px,dy_px\n0,0,0\n1,40,0\n");
        var r = CliRunner.run("process", "drift-apply", "--input", in.toString(), "--drift", csv.toString(), "--output",
                dir.resolve("o.tif").toString(), "--store", store());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("smaller than the image"), r.err());
        assertFalse(Files.exists(dir.resolve("o.tif")));
    }

    @Test
    void registerEstimateAndApplyAlignATranslatedPair() throws Exception {
        ImageStack a = spots(96, 96, new double[] {0}, new double[] {0}, 4);
        ImageStack b = spots(96, 96, new double[] {1.7}, new double[] {-0.6}, 4);
        float[] both = new float[2 * 96 * 96];
        System.arraycopy(a.data(), 0, both, 0, 96 * 96);
        System.arraycopy(b.data(), 0, both, 96 * 96, 96 * 96);
        Path in = write("two.tif", new ImageStack(2, 96, 96, both));
        Path reg = dir.resolve("reg.json");
        var r = CliRunner.run("process", "register-estimate", "--input", in.toString(), "--reference-channel", "0",
                "--output", reg.toString(), "--blocks", "1", "--store", store(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode ch1 = JSON.readTree(Files.readString(reg)).path("channels").get(1);
        assertEquals(1.7, ch1.path("dx_px").asDouble(), 0.05);
        assertEquals(-0.6, ch1.path("dy_px").asDouble(), 0.05);
        Path out = dir.resolve("aligned.tif");
        var ap = CliRunner.run("process", "register-apply", "--input", in.toString(), "--registration", reg.toString(),
                "--output", out.toString(), "--json");
        assertEquals(0, ap.exitCode(), ap.toString());
        assertEquals(2, TiffStacks.read(out).stack().frames());
    }

    @Test
    void registerEstimateRejectsChannelsOfDifferentSizes() {
        Path a = write("a.tif", spots(32, 32, new double[] {0}, new double[] {0}, 5));
        Path b = write("b.tif", spots(32, 30, new double[] {0}, new double[] {0}, 5));
        var r = CliRunner.run("process", "register-estimate", "--input", a.toString(), b.toString(), "--output",
                dir.resolve("r.json").toString(), "--store", store(), "--json");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("channel 1 is 1x32x30"), r.err());
        assertFalse(Files.exists(dir.resolve("r.json")));
    }
}
