package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.app.CliRunner;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformCommandTest {
    private static CliRunner.Result cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--no-history";
        return CliRunner.run(all);
    }

    private static Path square(Path dir, int n) {
        float[] px = new float[n * n];
        for (int i = 0; i < px.length; i++) {
            px[i] = i + 1;
        }
        Path in = dir.resolve("in.tif");
        TiffStacks.writeF32(in, new ImageStack(1, n, n, px), StackMetadata.of(PixelType.F32, 100, 20));
        return in;
    }

    @Test
    void aQuarterTurnInDegreesTurnsTheImageCounterClockwiseAndAZoomDividesThePixelSize(@TempDir Path dir) {
        int n = 6;
        Path in = square(dir, n);
        Path out = dir.resolve("out.tif");
        CliRunner.Result r = cli("process", "transform", "--input", in.toString(), "--output", out.toString(),
                "--interpolator", "nearest", "--angle-degrees", "90");
        assertEquals(0, r.exitCode(), r.toString());
        ImageStack o = TiffStacks.read(out).stack();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(j * n + (n - 1 - i) + 1, o.get(0, i, j), 0f, i + "," + j);
            }
        }
        Path zoomed = dir.resolve("zoomed.tif");
        assertEquals(0, cli("process", "transform", "--input", in.toString(), "--output", zoomed.toString(), "--scale", "2")
                .exitCode());
        TiffStack z = TiffStacks.read(zoomed);
        assertEquals(50.0, z.metadata().pixelSizeNm().getAsDouble(), 1e-9);
        assertEquals(n, z.stack().width());
    }

    @Test
    void badParametersAreBadInputOrUsageErrorsNamingTheValueAndWriteNothing(@TempDir Path dir) {
        Path in = square(dir, 5);
        Path out = dir.resolve("out.tif");
        String[] base = {"process", "transform", "--input", in.toString(), "--output", out.toString()};
        CliRunner.Result r = cli(concat(base, "--angle", "NaN"));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("angle must be finite (radians), got NaN"), r.err());
        r = cli(concat(base, "--scale", "0"));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("scales must be finite and > 0"), r.err());
        assertEquals(3, cli(concat(base, "--scale-col", "-2")).exitCode());
        assertEquals(3, cli(concat(base, "--angle", "1", "--angle-degrees", "30")).exitCode());
        assertEquals(3, cli(concat(base, "--interpolator", "fourier")).exitCode());
        assertEquals(2, cli(concat(base, "--angle", "quarter")).exitCode());
        assertEquals(2, cli(concat(base, "--interpolator", "cubic-spline")).exitCode());
        assertFalse(Files.exists(out));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
