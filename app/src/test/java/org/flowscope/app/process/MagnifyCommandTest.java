package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.app.CliRunner;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.magnify.InterpolatorChoice;
import org.flowscope.methods.magnify.Magnify;
import org.flowscope.methods.magnify.MagnifyCpu;
import org.flowscope.methods.magnify.MagnifyParams;
import org.flowscope.methods.magnifyfourier.MagnifyFourierCpu;
import org.flowscope.methods.magnifyfourier.MagnifyFourierParams;
import org.flowscope.methods.numerics.interpolation.Sampling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagnifyCommandTest {
    private static CliRunner.Result cli(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--no-history";
        return CliRunner.run(all);
    }

    private static Path image(Path dir) {
        float[] px = new float[2 * 9 * 11];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 37 % 101) + 0.5f;
        }
        Path in = dir.resolve("in.tif");
        TiffStacks.writeF32(in, new ImageStack(2, 9, 11, px), StackMetadata.of(PixelType.F32, 100, 20));
        return in;
    }

    @Test
    void nanoPyxGeometryWritesTheReferenceMagnificationAndTheMagnifiedPixelSize(@TempDir Path dir) throws Exception {
        Path in = image(dir);
        Path out = dir.resolve("out.tif");
        CliRunner.Result r = cli("process", "magnify", "--input", in.toString(), "--output", out.toString(),
                "--interpolator", "lanczos", "--magnification", "2.5", "--shift-row", "0.3", "--shift-col", "-0.7",
                "--geometry", "nanopyx", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        TiffStack written = TiffStacks.read(out);
        ImageStack expected = MagnifyCpu.apply(MagnifyParams.of(InterpolatorChoice.LANCZOS, Sampling.NANOPYX, 0.3f, -0.7f,
                2.5f, 2.5f), TiffStacks.read(in).stack());
        assertEquals(22, written.stack().height());
        assertEquals(27, written.stack().width());
        assertNull(new Magnify().tolerance().firstViolation(expected.data(), written.stack().data()));
        assertEquals(40.0, written.metadata().pixelSizeNm().getAsDouble(), 1e-9);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("magnify", j.get("operation").asText());
    }

    @Test
    void anisotropicMagnificationsSetRowsAndColumnsAndDropThePixelSize(@TempDir Path dir) {
        Path in = image(dir);
        Path out = dir.resolve("out.tif");
        CliRunner.Result r = cli("process", "magnify", "--input", in.toString(), "--output", out.toString(),
                "--interpolator", "bilinear", "--magnification", "3", "--magnification-y", "1.5");
        assertEquals(0, r.exitCode(), r.toString());
        TiffStack written = TiffStacks.read(out);
        assertEquals(13, written.stack().height());
        assertEquals(33, written.stack().width());
        assertTrue(written.metadata().pixelSizeNm().isEmpty());
        assertTrue((r.out() + r.err()).contains("anisotropic"), r.toString());
    }

    @Test
    void fourierRunsTheFourierOperationInTheCentredGeometry(@TempDir Path dir) throws Exception {
        Path in = image(dir);
        Path out = dir.resolve("out.tif");
        CliRunner.Result r = cli("process", "magnify", "--input", in.toString(), "--output", out.toString(),
                "--interpolator", "fourier", "--magnification", "2", "--shift-col", "0.5", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("magnify-fourier", new ObjectMapper().readTree(r.out()).get("operation").asText());
        ImageStack expected = MagnifyFourierCpu.apply(new MagnifyFourierParams(2, Sampling.CENTRED, 0, 0.5f),
                TiffStacks.read(in).stack());
        assertNull(new Magnify().tolerance().firstViolation(expected.data(), TiffStacks.read(out).stack().data()));
    }

    @Test
    void badParametersAreBadInputOrUsageErrorsNamingTheValueAndWriteNothing(@TempDir Path dir) {
        Path in = image(dir);
        Path out = dir.resolve("out.tif");
        String[] base = {"process", "magnify", "--input", in.toString(), "--output", out.toString()};
        CliRunner.Result r = cli(concat(base, "--magnification", "0"));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("magnifications must be finite and > 0") && r.err().contains("0.0"), r.err());
        assertEquals(3, cli(concat(base, "--magnification", "NaN")).exitCode());
        assertEquals(3, cli(concat(base, "--magnification", "2", "--shift-row", "Infinity")).exitCode());
        assertEquals(3, cli(concat(base, "--magnification", "0.05")).exitCode());
        r = cli(concat(base, "--magnification", "2.5", "--interpolator", "fourier"));
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("integer magnification"), r.err());
        r = cli(concat(base, "--magnification", "2", "--interpolator", "fourier", "--geometry", "nanopyx", "--shift-row", "1"));
        assertEquals(3, r.exitCode(), r.toString());
        r = cli(concat(base, "--magnification", "2", "--interpolator", "spline"));
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("got 'spline'"), r.err());
        assertEquals(2, cli(concat(base, "--magnification", "two")).exitCode());
        assertEquals(2, cli(concat(base, "--magnification", "2", "--geometry", "skewed")).exitCode());
        assertEquals(2, cli(base).exitCode());
        assertFalse(Files.exists(out));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
