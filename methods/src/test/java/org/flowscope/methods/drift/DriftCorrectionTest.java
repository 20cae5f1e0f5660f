package org.flowscope.methods.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.BeadRenderer;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;
import org.flowscope.methods.crosscorrelation.CcmPeak;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpu;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCorrectionTest {
    private static final int H = 80;
    private static final int W = 72;

    /** Residual shift between the corrected frame and the truth frame rendered at zero drift (borders cropped). */
    private static double residual(Kernel interpolator, double dx, double dy) {
        BeadRenderer beads = new BeadRenderer(31, 50, H, W, 1.4, 4);
        float[] truth = beads.render(H, W, 0, 0, 20, null);
        ImageStack moved = ImageStack.ofImage(H, W, beads.render(H, W, dx, dy, 20, null));
        ImageStack out = DriftCorrectionCpu.compute(new DriftCorrectionParams(interpolator, Border.NEAREST),
                new DriftCorrectionInput(moved, new DriftTable(new double[] {dx}, new double[] {dy}, 0)));
        ImageStack a = DriftNanoPyxReferenceTest.crop(out, 6);
        ImageStack b = DriftNanoPyxReferenceTest.crop(ImageStack.ofImage(H, W, truth), 6);
        CcmPeak p = CrossCorrelationCpu.compute(new CrossCorrelationParams(2, 2, 0, false), new CrossCorrelationInput(a, b)).peaks().get(0);
        return Math.hypot(p.dx(), p.dy());
    }

    private static final double[][] SHIFTS = {{0.5, -0.5}, {1.23, 0.37}, {-2.71, 1.09}, {0.031, -0.97}, {0.25, 0}};

    private static double worst(Kernel ip) {
        double worst = 0;
        for (double[] d : SHIFTS) {
            worst = Math.max(worst, residual(ip, d[0], d[1]));
        }
        return worst;
    }

    @Test
    void defaultLanczosCorrectionIsAccurateFarBeyondOneThirtySecondPixel() {
        assertEquals(Kernel.LANCZOS3, DriftCorrectionParams.defaults().interpolator());
        double worst = worst(Kernel.LANCZOS3);
        assertTrue(worst < 0.006, "worst residual " + worst + " px (1/32 px = 0.031)");
    }

    @Test
    void catmullRomCorrectionErrorStaysBelowHalfOfOneThirtySecondPixel() {
        double worst = worst(Kernel.CATMULL_ROM);
        assertTrue(worst < 0.018, "worst residual " + worst + " px");
    }

    @Test
    void fourierCorrectionIsExactForBandLimitedContent() {
        double worst = worst(Kernel.FOURIER);
        assertTrue(worst < 0.001, "worst residual " + worst + " px");
    }

    @Test
    void zeroDriftReturnsFramesUnchanged() {
        BeadRenderer beads = new BeadRenderer(3, 20, 32, 32, 1.5, 0);
        ImageStack s = ImageStack.ofImage(32, 32, beads.render(32, 32, 0, 0, 5, null));
        for (Kernel ip : Kernel.values()) {
            float[] out = new float[32 * 32];
            Interpolator.normalised(ip, Border.ZERO).shift(s.data(), 0, 32, 32, 0, 0, out, 0);
            assertArrayEquals(s.data(), out, 1e-3f, ip.name());
        }
    }

    @Test
    void integerShiftMovesContentByWholePixelsTowardsPositiveAxes() {
        float[] img = new float[8 * 8];
        img[2 * 8 + 3] = 1;
        float[] out = new float[64];
        Interpolator.normalised(Kernel.CATMULL_ROM, Border.ZERO).shift(img, 0, 8, 8, 2, 1, out, 0);
        assertEquals(1, out[3 * 8 + 5], 1e-6);
        assertEquals(1, sum(out), 1e-6);
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    @Test
    void rejectsDriftLargerThanImage() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DriftCorrectionInput(ImageStack.zeros(2, 16, 16),
                new DriftTable(new double[] {0, 17}, new double[] {0, 0}, 0)));
        assertTrue(e.getMessage().contains("smaller than the image"), e.getMessage());
    }

    @Test
    void rejectsTableWithOtherFrameCount() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DriftCorrectionInput(ImageStack.zeros(3, 16, 16),
                new DriftTable(new double[] {0, 1}, new double[] {0, 0}, 0)));
        assertTrue(e.getMessage().contains("2 frames"), e.getMessage());
    }

    @Test
    void tableRoundTripsThroughCsvAndJson(@TempDir Path dir) throws Exception {
        DriftTable t = new DriftTable(new double[] {0, 0.125, -1.5}, new double[] {0, 2.25, 0.5}, 106.5);
        for (String name : new String[] {"d.csv", "d.json"}) {
            Path f = dir.resolve(name);
            t.write(f);
            DriftTable back = DriftTable.read(f);
            assertArrayEquals(t.dx(), back.dx(), 1e-6);
            assertArrayEquals(t.dy(), back.dy(), 1e-6);
            assertEquals(106.5, back.pixelSizeNm(), 1e-3);
        }
        assertTrue(Files.readString(dir.resolve("d.csv")).startsWith("frame,dx_px,dy_px,dx_nm,dy_nm\n"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void rejectsCsvWithoutDriftColumns() {
        var e = assertThrows(IllegalArgumentException.class, () -> DriftTable.fromCsv("frame,x,y\n0,1,2\n"));
        assertTrue(e.getMessage().contains("frame,dx_px,dy_px"), e.getMessage());
    }
}
