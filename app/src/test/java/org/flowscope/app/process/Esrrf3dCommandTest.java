package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.app.CliOutput;
import org.flowscope.app.CliRunner;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.esrrf3d.BlinkingVolumes;
import org.flowscope.methods.esrrf3d.Esrrf3dCpu;
import org.flowscope.methods.esrrf3d.Esrrf3dParams;
import org.flowscope.methods.esrrf3d.Geometry;
import org.flowscope.methods.esrrf3d.TemporalMode;
import org.flowscope.methods.esrrf3d.VolumeStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code process esrrf3d} end to end: hyperstack in, hyperstack out, and its refusals with their exit codes. */
class Esrrf3dCommandTest {
    @TempDir
    Path dir;

    private Path hyperstack(VolumeStack v, double zStepNm) {
        Path p = dir.resolve("tzyx.tif");
        TiffStacks.writeF32(p, v.planes(), StackMetadata.of(PixelType.F32, 100, 20).withSlices(v.slices())
                .withZStepNm(zStepNm));
        return p;
    }

    @Test
    void writesTheReferenceVolumesAsAHyperstackWithTheVoxelSizeCarried() throws Exception {
        VolumeStack in = BlinkingVolumes.generate(4, 3, 9, 8, 7);
        Path file = hyperstack(in, 300);
        Path out = dir.resolve("sr.tif");
        CliRunner.Result r = CliRunner.run("process", "esrrf3d", "--input", file.toString(), "--output", out.toString(),
                "--magnification-xy", "2", "--magnification-z", "2", "--radius", "1.2", "--psf-ratio", "2",
                "--temporal", "std", "--frames-per-timepoint", "2", "--geometry", "nanopyx", "--backend", "cpu",
                "--no-history", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = CliOutput.mapper().readTree(r.out());
        assertEquals("file", json.get("voxelRatioSource").asText());
        assertEquals(2, json.get("outputTimePoints").asInt());
        TiffStack got = TiffStacks.readHyperstack(out);
        assertEquals(6, got.metadata().slices());
        assertEquals(12, got.stack().frames());
        assertEquals(18, got.stack().height());
        assertEquals(16, got.stack().width());
        assertEquals(50, got.metadata().pixelSizeNm().getAsDouble(), 1e-3);
        assertEquals(150, got.metadata().zStepNm().getAsDouble(), 1e-3);
        assertEquals(40, got.metadata().frameIntervalMs().getAsDouble(), 1e-6);
        // voxel ratio from the file: 300 nm / 100 nm = 3
        Esrrf3dParams p = new Esrrf3dParams(2, 2, 1.2, 2, 3, 1, true, TemporalMode.STD, true, 2, Geometry.NANOPYX);
        assertArrayEquals(Esrrf3dCpu.apply(p, in).data(), got.stack().data(), 1e-4f);
    }

    @Test
    void aPlainMultiPageStackNeedsSlicesAndATwoDimensionalStackIsRefusedWithExitThree() {
        VolumeStack in = BlinkingVolumes.generate(2, 3, 8, 8, 1);
        Path plain = dir.resolve("plain.tif");
        TiffStacks.writeF32(plain, in.planes(), StackMetadata.of(PixelType.F32));
        Path out = dir.resolve("sr.tif");
        CliRunner.Result r = CliRunner.run("process", "esrrf3d", "--input", plain.toString(), "--output",
                out.toString(), "--no-history");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("has no z axis (1 slice per time point, 6 planes)") && r.err().contains("--slices"),
                r.err());
        assertFalse(Files.exists(out));
        r = CliRunner.run("process", "esrrf3d", "--input", plain.toString(), "--output", out.toString(), "--slices",
                "3", "--backend", "cpu", "--no-history", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(6, TiffStacks.readHyperstack(out).metadata().slices());
    }

    @Test
    void aRadiusTooLargeForTheVolumeIsExitThreeNamingTheLimit() {
        Path file = hyperstack(BlinkingVolumes.generate(2, 3, 8, 8, 2), 400);
        Path out = dir.resolve("sr.tif");
        CliRunner.Result r = CliRunner.run("process", "esrrf3d", "--input", file.toString(), "--output", out.toString(),
                "--radius", "5", "--no-history");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("radius too large for the 8x8x3 volume") && r.err().contains("got radius 5.0"),
                r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aZeroMagnificationIsExitThreeAndAnUnknownTemporalModeIsAUsageError() {
        Path file = hyperstack(BlinkingVolumes.generate(2, 3, 8, 8, 3), 400);
        Path out = dir.resolve("sr.tif");
        CliRunner.Result r = CliRunner.run("process", "esrrf3d", "--input", file.toString(), "--output", out.toString(),
                "--magnification-z", "0", "--no-history");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("magnification-z must be an integer in 1..10, got 0"), r.err());
        r = CliRunner.run("process", "esrrf3d", "--input", file.toString(), "--output", out.toString(),
                "--temporal", "median", "--no-history");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("expected one of [AVERAGE, STD]"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSimulatedTimeSeriesOfVolumesGoesStraightIntoEsrrf3dWithItsVoxelRatio() throws Exception {
        Path sim = dir.resolve("vol.tif");
        CliRunner.Result r = CliRunner.run("simulate", "--size", "20x16", "--slices", "5", "--frames", "6",
                "--z-step", "250", "--psf-ratio", "3", "--truth-magnification", "2", "--out", sim.toString(), "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.exists(dir.resolve("vol_emitters.csv")));
        TiffStack truth = TiffStacks.readHyperstack(dir.resolve("vol_truth_x2_z2.tif"));
        assertEquals(10, truth.metadata().slices());
        TiffStack stack = TiffStacks.readHyperstack(sim);
        assertEquals(5, stack.metadata().slices());
        assertEquals(30, stack.stack().frames());
        assertEquals(250, stack.metadata().zStepNm().getAsDouble(), 1e-6);
        Path out = dir.resolve("sr.tif");
        r = CliRunner.run("process", "esrrf3d", "--input", sim.toString(), "--output", out.toString(), "--backend",
                "cpu", "--no-history", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = CliOutput.mapper().readTree(r.out());
        assertEquals("file", json.get("voxelRatioSource").asText());
        assertEquals(2.5, json.get("params").get("voxelRatio").asDouble(), 1e-9);
        assertEquals(10, TiffStacks.readHyperstack(out).metadata().slices());
        r = CliRunner.run("simulate", "--size", "20x16", "--slices", "5", "--pattern", "grid", "--out",
                dir.resolve("grid.tif").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("patterns filaments or random only"), r.err());
    }
}
