package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.app.FlowscopeCli;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.conv2d.Conv2dCpu;
import org.flowscope.methods.conv2d.Conv2dParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Conv2dCommandTest {
    /** Runs the CLI with the engine's history kept in memory, so tests never write to the home folder. */
    private static int cli(StringWriter out, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--no-history";
        return FlowscopeCli.execute(all, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    private static Path image(Path dir) {
        float[] px = new float[2 * 9 * 11];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37 % 101) + 0.5f;
        }
        Path in = dir.resolve("in.tif");
        TiffStacks.writeF32(in, new ImageStack(2, 9, 11, px), StackMetadata.of(PixelType.F32));
        return in;
    }

    @Test
    void kernelFileRowsAreUsedAsGiven(@TempDir Path dir) throws Exception {
        Path in = image(dir);
        Path k = dir.resolve("k.txt");
        Files.writeString(k, "# asymmetric\n0 1 2\n3, 4, 5\n");
        Path outFile = dir.resolve("out.tif");
        StringWriter log = new StringWriter();
        assertEquals(0, cli(log, "process", "conv2d", "--input", in.toString(), "--kernel", k.toString(),
                "--output", outFile.toString()), log.toString());
        ImageStack expected = Conv2dCpu.compute(Conv2dParams.of(new float[][] {{0, 1, 2}, {3, 4, 5}}), TiffStacks.read(in).stack());
        assertArrayEquals(expected.data(), TiffStacks.read(outFile).stack().data(), 1e-3f);
    }

    @Test
    void kernelSizeMeansANormalisedGaussianThatKeepsAFlatImageFlat(@TempDir Path dir) {
        Path in = dir.resolve("flat.tif");
        float[] px = new float[20 * 20];
        java.util.Arrays.fill(px, 7f);
        TiffStacks.writeF32(in, new ImageStack(1, 20, 20, px), StackMetadata.of(PixelType.F32));
        Path outFile = dir.resolve("out.tif");
        StringWriter log = new StringWriter();
        assertEquals(0, cli(log, "process", "conv2d", "--input", in.toString(), "--kernel-size", "7", "--output", outFile.toString()),
                log.toString());
        for (float v : TiffStacks.read(outFile).stack().data()) {
            assertEquals(7f, v, 1e-4f);
        }
    }

    @Test
    void badKernelsExitWithBadInputAndWriteNothing(@TempDir Path dir) throws Exception {
        Path in = image(dir);
        Path k = dir.resolve("ragged.txt");
        Files.writeString(k, "1 2\n3\n");
        Path outFile = dir.resolve("out.tif");
        StringWriter log = new StringWriter();
        assertEquals(3, cli(log, "process", "conv2d", "--input", in.toString(), "--kernel", k.toString(), "--output", outFile.toString()));
        assertTrue(log.toString().contains("columns"), log.toString());
        assertEquals(3, cli(new StringWriter(), "process", "conv2d", "--input", in.toString(), "--kernel-size", "0", "--output", outFile.toString()));
        assertEquals(3, cli(new StringWriter(), "process", "conv2d", "--input", dir.resolve("missing.tif").toString(), "--kernel-size", "3",
                "--output", outFile.toString()));
        assertFalse(Files.exists(outFile));
        assertEquals(2, cli(new StringWriter(), "process", "conv2d", "--input", in.toString(), "--output", outFile.toString()));
    }

    @Test
    void backendMeansADeviceKindOnConv2dAsOnEveryOperationAndABadOneIsAUsageError(@TempDir Path dir) {
        Path in = image(dir);
        Path outFile = dir.resolve("out.tif");
        StringWriter log = new StringWriter();
        assertEquals(0, cli(log, "process", "conv2d", "--input", in.toString(), "--kernel-size", "3",
                "--output", outFile.toString(), "--backend", "cpu"), log.toString());
        assertTrue(Files.exists(outFile));
        StringWriter bad = new StringWriter();
        assertEquals(2, cli(bad, "process", "conv2d", "--input", in.toString(), "--kernel-size", "3",
                "--output", dir.resolve("o2.tif").toString(), "--backend", "gpu"), bad.toString());
        String said = bad.toString().toLowerCase(java.util.Locale.ROOT);
        assertTrue(said.contains("'gpu'") && said.contains("opencl") && said.contains("cuda"), said);
        assertFalse(Files.exists(dir.resolve("o2.tif")));
    }
}
