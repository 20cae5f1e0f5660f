package org.flowscope.methods.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.BeadRenderer;
import org.flowscope.methods.crosscorrelation.Pearson;
import org.flowscope.methods.drift.ShiftMeasurer;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RegistrationEstimatorTest {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationEstimatorTest.class);
    private final RegistrationEstimator registration = new RegistrationEstimator(ShiftMeasurer.reference());

    private static ImageStack pair(BeadRenderer beads, int h, int w, BeadRenderer.Field field, Random noise) {
        float[] a = beads.render(h, w, 0, 0, 30, noise);
        float[] b = beads.render(h, w, field, 30, noise);
        return RegistrationEstimator.channels(List.of(ImageStack.ofImage(h, w, a), ImageStack.ofImage(h, w, b)));
    }

    @Test
    void translatedTwoChannelPairIsRegisteredWithinFiveHundredthsOfAPixel() {
        double[][] shifts = {{1.7, -0.6}, {-3.25, 2.4}, {0.45, 0.05}, {6.1, -4.8}};
        for (int i = 0; i < shifts.length; i++) {
            double[] s = shifts[i];
            BeadRenderer beads = new BeadRenderer(40 + i, 60, 100, 110, 1.5, 8, 3);
            ImageStack ch = pair(beads, 100, 110, (x, y) -> s, new Random(i));
            ChannelShift c = registration.estimate(ch, new RegistrationParams(0, 1, 10, 0.5, 0)).channel(1);
            assertEquals(s[0], c.dx(), 0.05, "dx case " + i);
            assertEquals(s[1], c.dy(), 0.05, "dy case " + i);
        }
    }

    @Test
    void nanoPyxCaseGivesTrueSubPixelShiftWhereNanoPyxGivesWholePixels() {
        ImageStack ch = ReferenceData.tiff(ReferenceData.resource("reference/inputs/chreg_128.tif")).toImageStack();
        JsonNode truth = ReferenceData.json(ReferenceData.resource("reference/inputs/chreg_128.json"))
                .path("true_shift_of_channel1_vs_channel0");
        double tx = truth.path("dx_cols").asDouble();
        double ty = truth.path("dy_rows").asDouble();
        for (String c : new String[] {"chreg_128_bpa1_ms10", "chreg_128_bpa4_ms10"}) {
            JsonNode ref = ReferenceData.json(ReferenceData.resource("reference/channel_registration/" + c + ".json"));
            int blocks = ref.path("params").path("blocks_per_axis").asInt();
            RegistrationResult r = registration.estimate(ch, new RegistrationParams(0, blocks,
                    ref.path("params").path("max_shift").asDouble(), ref.path("params").path("min_similarity").asDouble(), 0));
            ChannelShift s = r.channel(1);
            double[] mean = meanField(s, ch.height(), ch.width());
            // NanoPyx's masks hold the correction (-displacement) and its block vectors are whole pixels: the x10
            // up-sampled arg-max is floor-divided by 10 (spec 9.2 step 3), e.g. (2, -1) for a true (1.7, -0.6).
            double nanoX = -ref.path("channel1_mean_shift_col").asDouble();
            double nanoY = -ref.path("channel1_mean_shift_row").asDouble();
            LOG.info("{}: truth ({}, {}), ours global ({}, {}) mean field ({}, {}), NanoPyx mean ({}, {})", c, tx, ty,
                    s.dx(), s.dy(), mean[0], mean[1], nanoX, nanoY);
            assertEquals(tx, s.dx(), 0.05);
            assertEquals(ty, s.dy(), 0.05);
            assertEquals(tx, mean[0], 0.05);
            assertEquals(ty, mean[1], 0.05);
            assertTrue(Math.abs(nanoX - tx) > 0.1 || Math.abs(nanoY - ty) > 0.1,
                    "NanoPyx's integer-pixel result differs from the truth, which wins");
        }
    }

    @Test
    void localFieldFollowsASmoothlyVaryingOffsetBetterThanTheGlobalShift() {
        int h = 128;
        int w = 128;
        BeadRenderer.Field field = (x, y) -> new double[] {1.2 + 0.025 * (x - 64), -0.8 + 0.02 * (y - 64)};
        BeadRenderer beads = new BeadRenderer(77, 160, h, w, 1.5, 6, 3);
        ImageStack ch = pair(beads, h, w, field, new Random(8));
        ChannelShift s = registration.estimate(ch, new RegistrationParams(0, 4, 10, 0.3, 0)).channel(1);
        double errLocal = 0;
        double errGlobal = 0;
        int n = 0;
        for (int y = 16; y < h - 16; y += 8) {
            for (int x = 16; x < w - 16; x += 8) {
                double[] t = field.at(x, y);
                double[] v = s.field().at(x, y);
                errLocal += Math.pow(v[0] - t[0], 2) + Math.pow(v[1] - t[1], 2);
                errGlobal += Math.pow(s.dx() - t[0], 2) + Math.pow(s.dy() - t[1], 2);
                n++;
            }
        }
        errLocal = Math.sqrt(errLocal / n);
        errGlobal = Math.sqrt(errGlobal / n);
        LOG.info("smooth field: RMS error local {} px, global {} px, accepted blocks {}", errLocal, errGlobal,
                s.field().acceptedBlocks());
        assertTrue(errLocal < 0.5 * errGlobal, "local " + errLocal + " vs global " + errGlobal);
        assertTrue(errLocal < 0.1, "local field RMS error " + errLocal);
        ImageStack global = ChannelAlignment.apply(ch, registrationOf(ch, 4), ChannelAlignment.Mode.GLOBAL, Kernel.LANCZOS3);
        ImageStack local = ChannelAlignment.apply(ch, registrationOf(ch, 4), ChannelAlignment.Mode.LOCAL, Kernel.LANCZOS3);
        assertTrue(pearson(local) > pearson(global), "local alignment correlates better: " + pearson(local) + " vs "
                + pearson(global));
    }

    private RegistrationResult registrationOf(ImageStack ch, int blocks) {
        return registration.estimate(ch, new RegistrationParams(0, blocks, 10, 0.3, 0));
    }

    static double pearson(ImageStack twoChannels) {
        int m = 12;
        int h = twoChannels.height();
        int w = twoChannels.width();
        float[] a = new float[(h - 2 * m) * (w - 2 * m)];
        float[] b = new float[a.length];
        for (int y = m; y < h - m; y++) {
            for (int x = m; x < w - m; x++) {
                a[(y - m) * (w - 2 * m) + x - m] = twoChannels.get(0, y, x);
                b[(y - m) * (w - 2 * m) + x - m] = twoChannels.get(1, y, x);
            }
        }
        return Pearson.overlap(a, 0, b, 0, h - 2 * m, w - 2 * m, 0, 0);
    }

    private static double[] meanField(ChannelShift s, int h, int w) {
        if (s.field() == null) {
            return new double[] {s.dx(), s.dy()};
        }
        float[][] d = s.field().dense(h, w);
        double mx = 0;
        double my = 0;
        for (int i = 0; i < d[0].length; i++) {
            mx += d[0][i];
            my += d[1][i];
        }
        return new double[] {mx / d[0].length, my / d[0].length};
    }

    @Test
    void realBeadsNeedTheLocalFieldAndItImprovesAlignment() {
        Path file = ReferenceData.sharedOrSkip("data/real/nanopyx-beads-2ch/beads_2ch_red_green_2x128x128.tif");
        ImageStack ch = ReferenceData.tiff(file).toImageStack();
        RegistrationResult r = registration.estimate(ch, new RegistrationParams(0, 4, 20, 0.3, 0));
        ChannelShift green = r.channel(1);
        // SOURCE.md: red - green = (dy, dx) = (-3.1, +13.0) px from matched bead centroids, so green sits at
        // (dx, dy) = (-13.0, +3.1) from red (channel 0).
        assertEquals(-13.0, green.dx(), 1.0);
        assertEquals(3.1, green.dy(), 1.3);
        double minDy = Double.POSITIVE_INFINITY;
        double maxDy = Double.NEGATIVE_INFINITY;
        for (BlockVector b : green.field().blocks()) {
            if (b.accepted()) {
                minDy = Math.min(minDy, b.dy());
                maxDy = Math.max(maxDy, b.dy());
            }
        }
        double pGlobal = pearson(ChannelAlignment.apply(ch, r, ChannelAlignment.Mode.GLOBAL, Kernel.LANCZOS3));
        double pLocal = pearson(ChannelAlignment.apply(ch, r, ChannelAlignment.Mode.LOCAL, Kernel.LANCZOS3));
        LOG.info("real beads: global ({}, {}), {} accepted blocks, dy range [{}, {}], Pearson global {} local {}",
                green.dx(), green.dy(), green.field().acceptedBlocks(), minDy, maxDy, pGlobal, pLocal);
        assertTrue(green.field().acceptedBlocks() >= 3, "blocks with beads enter the field");
        assertTrue(maxDy - minDy > 1.0, "the offset varies across the field: dy in [" + minDy + ", " + maxDy + "]");
        assertTrue(pLocal > pGlobal, "local " + pLocal + " vs global " + pGlobal);
    }

    @Test
    void registrationRoundTripsThroughJson(@TempDir Path dir) {
        BeadRenderer beads = new BeadRenderer(5, 60, 64, 64, 1.5, 4, 3);
        ImageStack ch = pair(beads, 64, 64, (x, y) -> new double[] {0.7, -1.1}, null);
        RegistrationResult r = registration.estimate(ch, new RegistrationParams(0, 2, 0, 0.3, 0));
        Path f = dir.resolve("reg.json");
        r.write(f);
        RegistrationResult back = RegistrationResult.read(f);
        assertEquals(r.channel(1).dx(), back.channel(1).dx(), 1e-12);
        assertEquals(r.channel(1).field().blocks(), back.channel(1).field().blocks());
        assertEquals(0, back.channel(0).dx());
    }

    @Test
    void rejectsChannelsOfDifferentSizes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RegistrationEstimator.channels(List.of(ImageStack.zeros(1, 32, 32), ImageStack.zeros(1, 32, 30))));
        assertTrue(e.getMessage().contains("channel 1 is 1x32x30"), e.getMessage());
    }

    @Test
    void rejectsMissingReferenceChannelAndSingleChannel() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> registration.estimate(ImageStack.zeros(2, 32, 32), new RegistrationParams(2, 1, 0, 0.5, 0)));
        assertTrue(e.getMessage().contains("reference channel 2"), e.getMessage());
        var one = assertThrows(IllegalArgumentException.class,
                () -> registration.estimate(ImageStack.zeros(1, 32, 32), RegistrationParams.defaults()));
        assertTrue(one.getMessage().contains("at least 2 channels"), one.getMessage());
    }

    @Test
    void rejectsRegistrationForOtherImageSize() {
        BeadRenderer beads = new BeadRenderer(5, 30, 48, 48, 1.5, 4);
        RegistrationResult r = registration.estimate(pair(beads, 48, 48, (x, y) -> new double[] {1, 0}, null),
                new RegistrationParams(0, 1, 0, 0.5, 0));
        var e = assertThrows(IllegalArgumentException.class, () -> ChannelAlignment.apply(ImageStack.zeros(2, 40, 48), r,
                ChannelAlignment.Mode.GLOBAL, Kernel.LANCZOS3));
        assertTrue(e.getMessage().contains("48x48"), e.getMessage());
    }
}
