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
import org.flowscope.methods.nlm.NlmCpu;
import org.flowscope.methods.nlm.NlmParams;
import org.flowscope.methods.nlm.NlmScenes;
import org.flowscope.methods.nlmfast.NlmFastCpu;
import org.flowscope.methods.nlmfast.NlmFastParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code process nlm} and {@code process nlm-fast}: the operations' results on a stack, clear errors otherwise. */
class NlmCommandTest {
    private static int cli(StringWriter out, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--no-history";
        return FlowscopeCli.execute(all, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    private static Path stack(Path dir, ImageStack s) {
        Path in = dir.resolve("in.tif");
        TiffStacks.writeF32(in, s, StackMetadata.of(PixelType.F32));
        return in;
    }

    @Test
    void bothAlgorithmsDenoiseEveryFrameOfAStackWithTheGivenParameters(@TempDir Path dir) {
        ImageStack s = NlmScenes.noisyPiecewise(2, 21, 19, 4);
        Path in = stack(dir, s);
        Path classic = dir.resolve("classic.tif");
        Path fast = dir.resolve("fast.tif");
        StringWriter log = new StringWriter();
        assertEquals(0, cli(log, "process", "nlm", "--input", in.toString(), "--output", classic.toString(),
                "--patch-size", "5", "--patch-distance", "4", "--h", "0.15", "--sigma", "0.05", "--backend", "cpu"), log.toString());
        assertEquals(0, cli(log, "process", "nlm-fast", "--input", in.toString(), "--output", fast.toString(),
                "--patch-size", "5", "--patch-distance", "4", "--h", "0.15", "--sigma", "0.05", "--backend", "cpu"), log.toString());
        float[] expectClassic = NlmCpu.compute(new NlmParams(5, 4, 0.15f, 0.05f), s).data();
        float[] expectFast = NlmFastCpu.compute(new NlmFastParams(5, 4, 0.15f, 0.05f), s).data();
        assertArrayEquals(expectClassic, TiffStacks.read(classic).stack().data(), 1e-5f);
        assertArrayEquals(expectFast, TiffStacks.read(fast).stack().data(), 1e-5f);
        assertTrue(log.toString().contains("nlm (patch 5, distance 4, h 0.15, sigma 0.05) on 2 frame(s) of 19x21"), log.toString());
    }

    @Test
    void aPatchLargerThanTheImageOrANegativeHExitsWithBadInputAndWritesNothing(@TempDir Path dir) {
        Path in = stack(dir, NlmScenes.noisyPiecewise(1, 5, 30, 1));
        Path out = dir.resolve("out.tif");
        StringWriter log = new StringWriter();
        assertEquals(3, cli(log, "process", "nlm", "--input", in.toString(), "--output", out.toString(), "--h", "0.1"));
        assertTrue(log.toString().contains("patch size 7 is larger than the image (30x5)"), log.toString());
        StringWriter neg = new StringWriter();
        assertEquals(3, cli(neg, "process", "nlm-fast", "--input", in.toString(), "--output", out.toString(),
                "--patch-size", "3", "--h", "-1"));
        assertTrue(neg.toString().contains("h must be in"), neg.toString());
        StringWriter even = new StringWriter();
        assertEquals(3, cli(even, "process", "nlm", "--input", in.toString(), "--output", out.toString(),
                "--patch-size", "4", "--h", "0.1"));
        assertTrue(even.toString().contains("odd"), even.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingCutOffOrAMalformedNumberIsAUsageError(@TempDir Path dir) {
        Path in = stack(dir, NlmScenes.noisyPiecewise(1, 9, 9, 1));
        Path out = dir.resolve("out.tif");
        StringWriter log = new StringWriter();
        assertEquals(2, cli(log, "process", "nlm", "--input", in.toString(), "--output", out.toString()));
        assertTrue(log.toString().contains("--h"), log.toString());
        assertEquals(2, cli(new StringWriter(), "process", "nlm-fast", "--input", in.toString(), "--output", out.toString(),
                "--h", "0.1", "--patch-size", "seven"));
        assertFalse(Files.exists(out));
    }
}
