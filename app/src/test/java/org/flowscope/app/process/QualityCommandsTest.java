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
import org.flowscope.app.ExitCodes;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.decorr.DecorrCpu;
import org.flowscope.methods.decorr.DecorrParams;
import org.flowscope.methods.frc.FrcCpu;
import org.flowscope.methods.frc.FrcInput;
import org.flowscope.methods.frc.FrcParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Seeded blurred blobs plus per-frame noise: structure shared by all frames, independent noise. */
    private static ImageStack blobs(int frames, int size, double blobSigma, long seed) {
        Random rnd = new Random(seed);
        float[] clean = new float[size * size];
        for (int b = 0; b < size * size / 40; b++) {
            double cx = rnd.nextDouble() * size;
            double cy = rnd.nextDouble() * size;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    clean[y * size + x] += (float) (100 * Math.exp(-d2 / (2 * blobSigma * blobSigma)));
                }
            }
        }
        float[] data = new float[frames * size * size];
        for (int f = 0; f < frames; f++) {
            for (int i = 0; i < clean.length; i++) {
                data[f * clean.length + i] = (float) (clean[i] + 10 + 5 * rnd.nextGaussian());
            }
        }
        return new ImageStack(frames, size, size, data);
    }

    private Path tiff(String name, ImageStack s) {
        Path p = dir.resolve(name);
        TiffStacks.writeF32(p, s, StackMetadata.of(PixelType.F32));
        return p;
    }

    private static JsonNode json(CliRunner.Result r) throws Exception {
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        return JSON.readTree(r.out());
    }

    @Test
    void frcOfOddEvenFramesPrintsResolutionAndWritesCurveCsvAndSvgPlot() throws Exception {
        ImageStack stack = blobs(6, 96, 2.0, 1);
        Path in = tiff("stack.tif", stack);
        Path csv = dir.resolve("curve.csv");
        Path svg = dir.resolve("curve.svg");
        JsonNode j = json(CliRunner.run("process", "frc", "--input", in.toString(), "--pixel-size", "65",
                "--curve", csv.toString(), "--plot", svg.toString(), "--json"));
        double expected = FrcCpu.compute(FrcParams.defaults(), FrcInput.oddEven(stack)).resolutionPx();
        assertEquals(expected, j.get("resolutionPx").asDouble(), 1e-9);
        assertEquals(65 * expected, j.get("resolutionNm").asDouble(), 1e-6);
        assertEquals(47 + 1, Files.readAllLines(csv).size(), "header + one line per ring (96/2 - 1 rings)");
        String plot = Files.readString(svg);
        assertTrue(plot.startsWith("<svg") && plot.contains("1/7") && plot.contains("<path d=\"M"), plot.substring(0, 200));
    }

    @Test
    void frcOfTwoFilesWithoutPixelSizeReportsNullNanometres() throws Exception {
        Path a = tiff("a.tif", blobs(1, 64, 2.0, 2));
        Path b = tiff("b.tif", blobs(1, 64, 2.0, 2).frames(0, 1));
        JsonNode j = json(CliRunner.run("process", "frc", "--input", a.toString(), "--second", b.toString(),
                "--curve", dir.resolve("c.csv").toString(), "--plot", dir.resolve("c.svg").toString(), "--json"));
        assertTrue(j.get("resolutionNm").isNull());
    }

    @Test
    void frcOfSingleFrameWithoutSecondImageIsBadInputAndWritesNothing() {
        Path in = tiff("one.tif", blobs(1, 64, 2.0, 3));
        Path csv = dir.resolve("x.csv");
        var r = CliRunner.run("process", "frc", "--input", in.toString(), "--curve", csv.toString(),
                "--plot", dir.resolve("x.svg").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("at least 2 frames"), r.err());
        assertFalse(Files.exists(csv));
    }

    @Test
    void frcOfImagesOfDifferentSizesIsBadInput() {
        Path a = tiff("a.tif", blobs(1, 64, 2.0, 4));
        Path b = tiff("b.tif", blobs(1, 48, 2.0, 4));
        var r = CliRunner.run("process", "frc", "--input", a.toString(), "--second", b.toString(),
                "--curve", dir.resolve("c.csv").toString(), "--plot", dir.resolve("c.svg").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("same size"), r.err());
    }

    @Test
    void decorrPrintsTheMethodsResolutionInPixelsAndNanometres() throws Exception {
        ImageStack img = blobs(1, 96, 1.5, 5);
        Path in = tiff("img.tif", img);
        JsonNode j = json(CliRunner.run("process", "decorr", "--input", in.toString(), "--pixel-size", "20", "--json",
                "--no-history", "--no-opencl", "--no-cuda"));
        double px = DecorrCpu.compute(DecorrParams.defaults(), img).resolutionPx();
        assertEquals(px, j.get("resolutionPx").asDouble(), 1e-9);
        assertEquals(20 * px, j.get("resolutionNm").asDouble(), 1e-6);
    }

    @Test
    void decorrOfConstantImageIsBadInput() {
        Path in = tiff("flat.tif", ImageStack.ofImage(64, 64, new float[64 * 64]));
        var r = CliRunner.run("process", "decorr", "--input", in.toString(), "--no-history");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("constant"), r.err());
    }

    @Test
    void squirrelWritesErrorMapAndPrintsRseRspAndSigma() throws Exception {
        ImageStack sr = blobs(1, 128, 1.0, 6);
        // the reference: the SR scene seen through a wider PSF (sigma 3 SR px), binned 4x4
        float[] blurred = org.flowscope.methods.quality.GaussianFilter.filter(sr.data(), 128, 128, 3.0);
        float[] ref = new float[32 * 32];
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 128; x++) {
                ref[(y / 4) * 32 + x / 4] += blurred[y * 128 + x] / 16;
            }
        }
        Path srFile = tiff("sr.tif", sr);
        Path refFile = tiff("ref.tif", ImageStack.ofImage(32, 32, ref));
        Path map = dir.resolve("map.tif");
        JsonNode j = json(CliRunner.run("process", "squirrel", "--input", srFile.toString(), "--reference",
                refFile.toString(), "--output", map.toString(), "--json", "--no-history", "--no-opencl", "--no-cuda"));
        JsonNode frame = j.get("results").get(0);
        assertTrue(frame.get("rse").asDouble() > 0);
        assertTrue(frame.get("rsp").asDouble() > 0.5 && frame.get("rsp").asDouble() <= 1);
        assertTrue(frame.get("rsfSigmaPx").asDouble() > 0);
        assertEquals(4, j.get("magnification").asInt());
        assertEquals(128, TiffStacks.read(map).stack().width());
    }

    @Test
    void squirrelWithNonIntegerMagnificationIsBadInputAndWritesNoMap() {
        Path srFile = tiff("sr.tif", blobs(1, 100, 1.0, 7));
        Path refFile = tiff("ref.tif", blobs(1, 30, 1.0, 7));
        Path map = dir.resolve("map.tif");
        var r = CliRunner.run("process", "squirrel", "--input", srFile.toString(), "--reference", refFile.toString(),
                "--output", map.toString(), "--no-history");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertFalse(Files.exists(map));
    }
}
