package org.flowscope.methods.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;
import org.flowscope.methods.crosscorrelation.CrossCorrelationResult;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpu;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NanoPyx's drift cases against both NanoPyx's numbers and the truth in the input JSON. Where they disagree the
 * truth wins; each difference is asserted with its cause (also summarised in docs/drift.md).
 */
class DriftNanoPyxReferenceTest {
    private static final Logger LOG = LoggerFactory.getLogger(DriftNanoPyxReferenceTest.class);
    private final DriftEstimator estimator = new DriftEstimator(ShiftMeasurer.reference());

    private static ImageStack input() {
        return ReferenceData.tiff(ReferenceData.resource("reference/inputs/drift100_64.tif")).toImageStack();
    }

    private static double[] truthPerFrame(String axis) {
        JsonNode j = ReferenceData.json(ReferenceData.resource("reference/inputs/drift100_64.json"));
        return new double[] {j.path("true_drift_per_frame").path(axis).asDouble()};
    }

    /** NanoPyx table columns: 0 magnitude, 1 x, 2 y, as the correction (negative displacement). */
    private static double[][] nanopyxDisplacement(String caseName) {
        ReferenceData.Stack t = ReferenceData.tiff(ReferenceData.resource("reference/drift/" + caseName + "_drift_table.tif"));
        assertEquals(3, t.width(), "NanoPyx drift table has 3 columns");
        double[] dx = new double[t.height()];
        double[] dy = new double[t.height()];
        for (int i = 0; i < t.height(); i++) {
            dx[i] = -t.data()[i * 3 + 1];
            dy[i] = -t.data()[i * 3 + 2];
        }
        return new double[][] {dx, dy};
    }

    private static double rms(double[] ax, double[] ay, double[] bx, double[] by) {
        double s = 0;
        for (int i = 0; i < ax.length; i++) {
            s += Math.pow(ax[i] - bx[i], 2) + Math.pow(ay[i] - by[i], 2);
        }
        return Math.sqrt(s / (2 * ax.length));
    }

    private static double[][] truth(int n) {
        double vx = truthPerFrame("dx_cols")[0];
        double vy = truthPerFrame("dy_rows")[0];
        double[] tx = new double[n];
        double[] ty = new double[n];
        for (int t = 0; t < n; t++) {
            tx[t] = vx * t;
            ty[t] = vy * t;
        }
        return new double[][] {tx, ty};
    }

    @Test
    void firstFrameEveryFrameMatchesTruthAndNanoPyxWithinItsAccuracy() {
        ImageStack stack = input();
        DriftTable ours = estimator.estimate(stack, null, new DriftParams(DriftReference.FIRST, 1, 10, 0));
        double[][] truth = truth(stack.frames());
        double[][] nano = nanopyxDisplacement("drift100_64_ta1_ref0");
        double oursVsTruth = rms(ours.dx(), ours.dy(), truth[0], truth[1]);
        double nanoVsTruth = rms(nano[0], nano[1], truth[0], truth[1]);
        double oursVsNano = rms(ours.dx(), ours.dy(), nano[0], nano[1]);
        LOG.info("drift100_64 ta1 first: RMS ours-truth {} px, NanoPyx-truth {} px, ours-NanoPyx {} px",
                oursVsTruth, nanoVsTruth, oursVsNano);
        assertTrue(oursVsTruth <= 0.05, "ours vs truth RMS " + oursVsTruth);
        // Difference 1 (sign): NanoPyx's table holds the correction (-displacement); ours the displacement. After
        // flipping the sign the two agree to NanoPyx's own accuracy: its Nelder-Mead on a Catmull-Rom surface
        // (xatol 1e-4, results rounded to 1e-3 px) of an uncropped, untapered map.
        assertTrue(oursVsNano <= nanoVsTruth + oursVsTruth + 0.01, "ours vs NanoPyx RMS " + oursVsNano);
        assertTrue(oursVsTruth <= nanoVsTruth + 0.005, "truth wins: ours " + oursVsTruth + " NanoPyx " + nanoVsTruth);
    }

    @Test
    void previousBlocksOfTenRecoverTruthWhereNanoPyxUnderestimates() {
        ImageStack stack = input();
        DriftTable ours = estimator.estimate(stack, null, new DriftParams(DriftReference.PREVIOUS, 10, 10, 0));
        double[][] truth = truth(stack.frames());
        double[][] nano = nanopyxDisplacement("drift100_64_ta10_ref1");
        int last = stack.frames() - 1;
        double oursVsTruth = rms(ours.dx(), ours.dy(), truth[0], truth[1]);
        double nanoVsTruth = rms(nano[0], nano[1], truth[0], truth[1]);
        LOG.info("drift100_64 ta10 previous: last frame ours ({}, {}) NanoPyx ({}, {}) truth ({}, {}); RMS ours {} NanoPyx {}",
                ours.dx(last), ours.dy(last), nano[0][last], nano[1][last], truth[0][last], truth[1][last],
                oursVsTruth, nanoVsTruth);
        assertTrue(oursVsTruth <= 0.05, "ours vs truth RMS " + oursVsTruth);
        // Difference 2 (NanoPyx wrong, truth wins): NanoPyx ends at (3.98, -2.05) px for a true (4.95, -2.97):
        // each 10-frame block step (0.5, -0.3) px is measured short by its sub-pixel search on the doubly flipped,
        // even-square-cropped map and the shortfalls add up in the cumulative sum; its spline knots at
        // floor(linspace(1, N, B)) instead of block centres add a further lag.
        assertTrue(nanoVsTruth > 0.3, "NanoPyx's known underestimate is present: " + nanoVsTruth);
        assertEquals(truth[0][last], ours.dx(last), 0.1);
        assertEquals(truth[1][last], ours.dy(last), 0.1);
    }

    @Test
    void ourCorrectionLeavesLessResidualDriftThanNanoPyxOpenCvWarp() {
        ImageStack stack = input();
        DriftTable ours = estimator.estimate(stack, null, new DriftParams(DriftReference.FIRST, 1, 10, 0));
        ImageStack corrected = DriftCorrectionCpu.compute(DriftCorrectionParams.defaults(), new DriftCorrectionInput(stack, ours));
        ImageStack nano = ReferenceData.tiff(ReferenceData.resource("reference/drift/drift100_64_ta1_ref0_corrected.tif"))
                .toImageStack();
        double oursResidual = residualRms(corrected);
        double nanoResidual = residualRms(nano);
        LOG.info("residual drift after correction: ours {} px, NanoPyx (OpenCV bilinear, 1/32 px) {} px",
                oursResidual, nanoResidual);
        // Difference 3: NanoPyx's OpenCV warp quantises positions to 1/32 px and interpolates bilinearly; with its
        // underestimated drift the frames are left up to 0.05 px off. Ours: Catmull-Rom at the exact shift.
        assertTrue(oursResidual <= 0.03, "our residual " + oursResidual);
        assertTrue(oursResidual < nanoResidual, "ours " + oursResidual + " vs NanoPyx " + nanoResidual);
    }

    /** RMS shift of every frame against the truth reference: frame 0 of the input, cropped to skip the borders. */
    private static double residualRms(ImageStack corrected) {
        int m = 8;
        ImageStack c = crop(corrected, m);
        ImageStack ref = crop(input().frame(0), m);
        CrossCorrelationResult r = CrossCorrelationCpu.compute(new CrossCorrelationParams(4, false), new CrossCorrelationInput(c, ref));
        double s = 0;
        for (var p : r.peaks()) {
            s += p.dx() * p.dx() + p.dy() * p.dy();
        }
        return Math.sqrt(s / (2 * r.peaks().size()));
    }

    static ImageStack crop(ImageStack s, int m) {
        int h = s.height() - 2 * m;
        int w = s.width() - 2 * m;
        float[] out = new float[s.frames() * h * w];
        for (int f = 0; f < s.frames(); f++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(s.data(), s.offset(f) + (y + m) * s.width() + m, out, (f * h + y) * w, w);
            }
        }
        return new ImageStack(s.frames(), h, w, out);
    }
}
