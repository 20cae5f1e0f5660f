package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.testing.PlainTiff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input gives a non-zero exit, a message naming the problem and the value, and leaves no file that looks
 * like a finished result.
 */
class BadInputTest {
    @TempDir
    Path dir;
    Path good;
    Path output;

    @BeforeEach
    void goodStack() {
        ImageStack s = ImageStack.zeros(10, 64, 64); // pixel data dominates the file size
        Arrays.fill(s.data(), 5f);
        good = dir.resolve("good.tif");
        TiffStacks.writeU16(good, s, StackMetadata.of(PixelType.U16, 100, 10));
        output = dir.resolve("avg.tif");
    }

    private void assertBadInput(CliRunner.Result r, String... fragments) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "stderr lacks '" + f + "': " + r.err());
        }
        assertNothingLooksComplete();
    }

    private void assertNothingLooksComplete() {
        assertFalse(Files.exists(output), "output left behind: " + output);
        try (var files = Files.walk(dir)) {
            List<Path> leftovers = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".partial") || n.equals("result.tif") || n.equals("raw.tif");
            }).toList();
            assertEquals(List.of(), leftovers);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private CliRunner.Result average(Path input, String... extra) {
        String[] base = {"process", "average", "--input", input.toString(), "--output", output.toString()};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliRunner.run(all);
    }

    private CliRunner.Result live(String... args) {
        String[] base = {"live", "--out", dir.resolve("run").toString(), "--fps", "0"};
        String[] all = Arrays.copyOf(base, base.length + args.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return CliRunner.run(all);
    }

    @Test
    void rejectsMissingInputFile() {
        assertBadInput(average(dir.resolve("nope.tif")), "input file not found", "nope.tif");
    }

    @Test
    void rejectsTruncatedTiff() throws IOException {
        Path t = dir.resolve("truncated.tif");
        byte[] all = Files.readAllBytes(good);
        Files.write(t, Arrays.copyOf(all, all.length / 2));
        assertBadInput(average(t), "truncated TIFF", "truncated.tif");
    }

    @Test
    void rejectsCorruptTiffWhoseDirectoryLiesOutsideTheFile() throws IOException {
        Path t = dir.resolve("corrupt.tif");
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(1_000_000);
        Files.write(t, b.array());
        assertBadInput(average(t), "corrupt.tif");
    }

    @Test
    void rejectsFileThatIsNotATiff() throws IOException {
        Path t = dir.resolve("notes.tif");
        Files.writeString(t, "these are my notes, not an image\n");
        assertBadInput(average(t), "notes.tif");
    }

    @Test
    void rejectsEmptyFile() throws IOException {
        Path t = dir.resolve("empty.tif");
        Files.write(t, new byte[0]);
        assertBadInput(average(t), "0 bytes", "empty.tif");
    }

    @Test
    void rejectsTiffWithZeroFrames() throws IOException {
        Path t = dir.resolve("zero.tif");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0);
        Files.write(t, b.array());
        assertBadInput(average(t), "0 frames", "zero.tif");
    }

    @Test
    void rejectsSignedInt16Pixels() throws IOException {
        Path t = dir.resolve("int16.tif");
        PlainTiff.write(t, 4, 4, new byte[][] {new byte[32]}, 16, 2, 1, null);
        assertBadInput(average(t), "unsupported pixel type int16");
    }

    @Test
    void rejectsFloat64Pixels() throws IOException {
        Path t = dir.resolve("f64.tif");
        PlainTiff.write(t, 4, 4, new byte[][] {new byte[128]}, 64, 3, 1, null);
        assertBadInput(average(t), "unsupported TIFF", "64");
    }

    @Test
    void rejectsRgbPixels() throws IOException {
        Path t = dir.resolve("rgb.tif");
        PlainTiff.write(t, 4, 4, new byte[][] {new byte[48]}, 8, 1, 3, null);
        assertBadInput(average(t), "unsupported pixel type RGB");
    }

    @Test
    void rejectsFourDimensionalHyperstack() throws IOException {
        Path t = dir.resolve("zt.tif");
        byte[][] pages = new byte[4][32];
        PlainTiff.write(t, 4, 4, pages, 16, 1, 1, "ImageJ=1.54p\nimages=4\nslices=2\nframes=2\nhyperstack=true\n");
        assertBadInput(average(t), "4-D stack", "slices=2, frames=2");
    }

    @Test
    void rejectsMultiChannelStack() throws IOException {
        Path t = dir.resolve("2ch.tif");
        PlainTiff.write(t, 4, 4, new byte[4][32], 16, 1, 1, "ImageJ=1.54p\nimages=4\nchannels=2\nframes=2\nhyperstack=true\n");
        assertBadInput(average(t), "channels=2");
    }

    @Test
    void rejectsOneDimensionalImage() throws IOException {
        Path t = dir.resolve("line.tif");
        PlainTiff.write(t, 16, 1, new byte[][] {new byte[32]}, 16, 1, 1, null);
        assertBadInput(average(t), "1-D image (16x1)");
    }

    @Test
    void rejectsNanPixelsNamingTheirPosition() throws IOException {
        Path t = dir.resolve("nan.tif");
        float[] v = new float[3 * 16];
        v[16 + 2] = Float.NaN;
        PlainTiff.writeF32(t, 4, 4, 3, v);
        assertBadInput(average(t), "NaN", "frame 1, row 0, column 2");
    }

    @Test
    void nanPixelsInAReplayedStackFailTheLiveRunWithoutResult() throws IOException {
        Path t = dir.resolve("nan.tif");
        float[] v = new float[20 * 16];
        v[15 * 16] = Float.NaN;
        PlainTiff.writeF32(t, 4, 4, 20, v);
        assertBadInput(live("--source", "replay:" + t, "--window", "5", "--save-raw"), "NaN", "frame 15");
        assertTrue(Files.readString(dir.resolve("run").resolve("run.json")).contains("\"failed\""));
    }

    @Test
    void rejectsFramesPerTimePointLargerThanTheStack() {
        assertBadInput(average(good, "--frames-per-timepoint", "50"), "50", "10 frames");
    }

    @Test
    void rejectsFramesPerTimePointLargerThanTheStackForEsrrfAndSrrfToo() {
        for (String op : List.of("esrrf", "srrf")) {
            CliRunner.Result r = CliRunner.run("process", op, "--input", good.toString(), "--output", output.toString(),
                    "--frames-per-timepoint", "50", "--backend", "cpu", "--no-history");
            assertBadInput(r, "50", "10 frames");
        }
    }

    @Test
    void rejectsNegativeFramesPerTimePoint() {
        assertBadInput(average(good, "--frames-per-timepoint", "-2"), "-2");
    }

    @Test
    void rejectsWindowLargerThanTheReplayedStack() {
        assertBadInput(live("--source", "replay:" + good, "--window", "50"), "--window 50", "10 frames");
    }

    @Test
    void rejectsZeroWindow() {
        assertBadInput(live("--window", "0"), "--window must be >= 1", "0");
    }

    @Test
    void rejectsNegativeStep() {
        assertBadInput(live("--window", "10", "--step", "-3"), "--step", "-3");
    }

    @Test
    void rejectsZeroSimulatedSize() {
        assertBadInput(CliRunner.run("simulate", "--size", "0x64", "--frames", "3", "--out", output.toString()),
                "size", "0x64");
    }

    @Test
    void rejectsNegativeSimulatedFrames() {
        assertBadInput(CliRunner.run("simulate", "--frames", "-5", "--out", output.toString()), "--frames", "-5");
    }

    @Test
    void rejectsNegativeDensity() {
        assertBadInput(CliRunner.run("simulate", "--density", "-1", "--frames", "2", "--out", output.toString()),
                "density", "-1");
    }

    @Test
    void rejectsUnknownOperation() {
        assertBadInput(live("--op", "sharpen"), "unknown --op 'sharpen'", "average");
    }

    @Test
    void rejectsUnknownSource() {
        assertBadInput(live("--source", "webcam:0"), "unknown source 'webcam:0'", "replay:FILE");
    }

    @Test
    void rejectsUnknownSimOption() {
        assertBadInput(live("--source", "sim:colour=red"), "unknown sim option 'colour'");
    }

    @Test
    void anUnknownPolicyIsAUsageErrorNamingTheAcceptedValues() {
        CliRunner.Result r = live("--policy", "hope");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--policy") && r.err().contains("LAG") && r.err().contains("SKIP") && r.err().contains("hope"), r.err());
    }

    @Test
    void rejectsOutputDirectoryThatCannotBeCreated() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a directory");
        output = blocker.resolve("avg.tif");
        assertBadInput(average(good), "output directory does not exist", "blocker");
        assertBadInput(CliRunner.run("live", "--out", blocker.resolve("run").toString(), "--frames", "10", "--window", "5"),
                "cannot create output directory", "blocker");
    }

    @Test
    void rejectsOutputSameAsInput() {
        output = good;
        CliRunner.Result r = average(good);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("must differ from --input"), r.err());
    }

    @Test
    void earlierRunInTheOutputDirectoryIsNotOverwrittenSilently() throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("run.json"), "{}");
        CliRunner.Result r = live("--frames", "10", "--window", "5");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("already holds run.json") && r.err().contains("--overwrite"), r.err());
    }

    @Test
    void reportsTheErrorAsJsonInJsonMode() throws Exception {
        CliRunner.Result r = average(dir.resolve("nope.tif"), "--json");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        var json = CliOutput.mapper().readTree(r.out());
        assertFalse(json.get("ok").asBoolean());
        assertEquals(3, json.get("exitCode").asInt());
        assertTrue(json.get("error").asText().contains("nope.tif"));
    }

    @Test
    void treatsMissingRequiredOptionAsUsageError() {
        CliRunner.Result r = CliRunner.run("process", "average", "--input", good.toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--output"), r.err());
    }
}
