package org.flowscope.methods.drift;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CcmPeak;
import org.flowscope.methods.crosscorrelation.CrossCorrelationResult;

/**
 * Drift estimation by cross-correlation (spec &sect;8.2, with the deliberate differences listed here).
 *
 * <ol>
 *   <li>Blocks: {@code TA = timeAveraging} consecutive frames are averaged; unlike NanoPyx the remainder frames
 *       form a last, shorter block instead of being ignored. Block b's knot is its mean frame index.</li>
 *   <li>Each block is cross-correlated ({@link org.flowscope.methods.crosscorrelation.CrossCorrelation}, through the injected
 *       {@link ShiftMeasurer}, i.e. the engine) with the reference: block 0 (FIRST), the previous block
 *       (PREVIOUS, then accumulated) or the given image (GIVEN). The peak is the content's displacement
 *       relative to the reference, so it is reported as is (NanoPyx reports its negative, the correction).</li>
 *   <li>Per-frame values come from {@link BlockInterpolation} (natural cubic spline, linear beyond the end
 *       knots). For FIRST and PREVIOUS the value at frame 0 is subtracted, so frame 0 is the reference
 *       position exactly.</li>
 * </ol>
 * No even-square crop: the FFTs take any size, so the whole frame contributes.
 */
public final class DriftEstimator {
    private final ShiftMeasurer measurer;

    /** @param measurer runs the cross-correlation operation, normally via the engine */
    public DriftEstimator(ShiftMeasurer measurer) {
        this.measurer = Objects.requireNonNull(measurer, "measurer");
    }

    /**
     * Estimates the drift of every frame.
     *
     * @param referenceImage the reference for {@link DriftReference#GIVEN} (one frame, same size), else null
     */
    public DriftTable estimate(ImageStack stack, ImageStack referenceImage, DriftParams params) {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(params, "params");
        int n = stack.frames();
        if (params.reference() == DriftReference.GIVEN) {
            if (referenceImage == null) {
                throw new IllegalArgumentException("reference GIVEN needs a reference image");
            }
            if (referenceImage.frames() != 1 || referenceImage.height() != stack.height()
                    || referenceImage.width() != stack.width()) {
                throw new IllegalArgumentException("reference image must be one " + stack.height() + "x" + stack.width()
                        + " frame, got " + referenceImage);
            }
        } else if (n < 2) {
            throw new IllegalArgumentException("drift estimation against the " + params.reference().name().toLowerCase()
                    + " frame needs at least 2 frames, got " + n);
        }
        int ta = params.timeAveraging();
        int blocks = (n + ta - 1) / ta;
        if (params.reference() != DriftReference.GIVEN && blocks < 2) {
            throw new IllegalArgumentException("time averaging of " + ta + " frames leaves fewer than 2 blocks in "
                    + n + " frames");
        }
        if (params.maxShiftPx() >= Math.max(stack.height(), stack.width())) {
            throw new IllegalArgumentException("max shift " + params.maxShiftPx() + " px is not smaller than the image "
                    + stack.height() + "x" + stack.width());
        }
        ImageStack means = blockMeans(stack, ta, blocks);
        double[] bx = new double[blocks];
        double[] by = new double[blocks];
        switch (params.reference()) {
            case FIRST -> {
                CrossCorrelationResult r = measurer.measure(params.ccmParams(), new CrossCorrelationInput(means.frames(1, blocks), means.frame(0)));
                for (int b = 1; b < blocks; b++) {
                    bx[b] = r.peaks().get(b - 1).dx();
                    by[b] = r.peaks().get(b - 1).dy();
                }
            }
            case PREVIOUS -> {
                CrossCorrelationResult r = measurer.measure(params.ccmParams(),
                        new CrossCorrelationInput(means.frames(1, blocks), means.frames(0, blocks - 1)));
                for (int b = 1; b < blocks; b++) {
                    CcmPeak p = r.peaks().get(b - 1);
                    bx[b] = bx[b - 1] + p.dx();
                    by[b] = by[b - 1] + p.dy();
                }
            }
            case GIVEN -> {
                CrossCorrelationResult r = measurer.measure(params.ccmParams(), new CrossCorrelationInput(means, referenceImage));
                for (int b = 0; b < blocks; b++) {
                    bx[b] = r.peaks().get(b).dx();
                    by[b] = r.peaks().get(b).dy();
                }
            }
            default -> throw new IllegalStateException("unknown reference " + params.reference());
        }
        return fromBlocks(n, params, bx, by);
    }

    /**
     * The per-frame table from the drift of each block of {@code params.timeAveraging()} frames (block 0 first, the
     * last block possibly shorter): the second half of {@link #estimate}, public so that a caller which measures the
     * blocks elsewhere (a distributed batch, each task its blocks against the same reference) gets the same table.
     *
     * @param bx x drift of each block against the reference (0 for block 0 under FIRST)
     */
    public static DriftTable fromBlocks(int frames, DriftParams params, double[] bx, double[] by) {
        int n = frames;
        int ta = params.timeAveraging();
        int blocks = (n + ta - 1) / ta;
        if (bx.length != blocks || by.length != blocks) {
            throw new IllegalArgumentException(n + " frames in blocks of " + ta + " make " + blocks
                    + " blocks, got drift for " + bx.length + " and " + by.length);
        }
        double[] knots = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            int from = b * ta;
            int to = Math.min(n, from + ta);
            knots[b] = (from + to - 1) / 2.0;
        }
        double[] dx = ta == 1 ? bx.clone() : BlockInterpolation.evaluate(knots, bx, n);
        double[] dy = ta == 1 ? by.clone() : BlockInterpolation.evaluate(knots, by, n);
        if (params.reference() != DriftReference.GIVEN) {
            double x0 = dx[0];
            double y0 = dy[0];
            for (int t = 0; t < n; t++) {
                dx[t] -= x0;
                dy[t] -= y0;
            }
        }
        return new DriftTable(dx, dy, params.pixelSizeNm());
    }

    /**
     * The mean of each block of {@code ta} consecutive frames ({@code blocks} blocks, the last possibly shorter), as
     * {@link #estimate} measures them; public for callers that measure blocks elsewhere ({@link #fromBlocks}).
     */
    public static ImageStack blockMeans(ImageStack stack, int ta, int blocks) {
        if (ta == 1) {
            return stack;
        }
        int px = stack.frameSize();
        float[] out = new float[blocks * px];
        float[] in = stack.data();
        double[] acc = new double[px];
        for (int b = 0; b < blocks; b++) {
            int from = b * ta;
            int to = Math.min(stack.frames(), from + ta);
            java.util.Arrays.fill(acc, 0);
            for (int f = from; f < to; f++) {
                int off = stack.offset(f);
                for (int i = 0; i < px; i++) {
                    acc[i] += in[off + i];
                }
            }
            for (int i = 0; i < px; i++) {
                out[b * px + i] = (float) (acc[i] / (to - from));
            }
        }
        return new ImageStack(blocks, stack.height(), stack.width(), out);
    }
}
