package org.flowscope.methods.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;
import org.flowscope.methods.crosscorrelation.CcmPeak;
import org.flowscope.methods.crosscorrelation.CrossCorrelationResult;
import org.flowscope.methods.drift.ShiftMeasurer;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * Channel registration (spec &sect;9, with the quirks of &sect;18 item 8 fixed): for every channel other than the
 * reference,
 * <ol>
 *   <li>global translation: the sub-pixel maximum of the whole-frame cross-correlation with the reference channel
 *       ({@link org.flowscope.methods.crosscorrelation.CrossCorrelation}, refined). NanoPyx up-samples a cropped map x10 and then
 *       floor-divides the arg-max by 10, so its vectors are whole pixels; ours are sub-pixel;</li>
 *   <li>local field (blocksPerAxis &gt; 1): the channel is translated back by the global estimate (Lanczos-3), the
 *       frame is cut into a grid of blocks, and each block is correlated with the same block of the reference
 *       (residual search within a quarter block); blocks whose peak is at least {@code minSimilarity} give
 *       vectors (global + residual) at their centres, which {@link LocalField} turns into a smooth dense field.
 *       Measuring residuals after the global correction keeps the content inside each block, which a direct
 *       block correlation at a 13 px offset in a 32 px block would not.</li>
 * </ol>
 * Output per channel: {@code dx, dy} = how far that channel's content sits from the reference channel's.
 */
public final class RegistrationEstimator {
    private final ShiftMeasurer measurer;

    public RegistrationEstimator(ShiftMeasurer measurer) {
        this.measurer = Objects.requireNonNull(measurer, "measurer");
    }

    /** Stacks single-channel images as channels, checking that their sizes match. */
    public static ImageStack channels(List<ImageStack> images) {
        if (images.size() < 2) {
            throw new IllegalArgumentException("channel registration needs at least 2 channels, got " + images.size());
        }
        ImageStack first = images.get(0);
        float[] data = new float[images.size() * first.frameSize()];
        for (int c = 0; c < images.size(); c++) {
            ImageStack im = images.get(c);
            if (im.frames() != 1 || im.height() != first.height() || im.width() != first.width()) {
                throw new IllegalArgumentException("every channel must be one " + first.height() + "x" + first.width()
                        + " image like channel 0, but channel " + c + " is " + im.frames() + "x" + im.height() + "x"
                        + im.width());
            }
            System.arraycopy(im.data(), 0, data, c * first.frameSize(), first.frameSize());
        }
        return new ImageStack(images.size(), first.height(), first.width(), data);
    }

    /** Registers every channel (stack frames are channels) to the reference channel. */
    public RegistrationResult estimate(ImageStack channels, RegistrationParams params) {
        int nc = channels.frames();
        int h = channels.height();
        int w = channels.width();
        if (nc < 2) {
            throw new IllegalArgumentException("channel registration needs at least 2 channels, got " + nc);
        }
        if (params.referenceChannel() >= nc) {
            throw new IllegalArgumentException("reference channel " + params.referenceChannel() + " does not exist in "
                    + nc + " channels");
        }
        if (params.maxShiftPx() >= Math.max(h, w)) {
            throw new IllegalArgumentException("max shift " + params.maxShiftPx() + " px is not smaller than the image "
                    + h + "x" + w);
        }
        int bh = h / params.blocksPerAxis();
        int bw = w / params.blocksPerAxis();
        if (params.blocksPerAxis() > 1 && (bh < 16 || bw < 16)) {
            throw new IllegalArgumentException(params.blocksPerAxis() + " blocks per axis make " + bh + "x" + bw
                    + " px blocks in a " + h + "x" + w + " image; blocks need at least 16x16 px");
        }
        ImageStack ref = channels.frame(params.referenceChannel());
        List<ChannelShift> out = new ArrayList<>();
        for (int c = 0; c < nc; c++) {
            if (c == params.referenceChannel()) {
                out.add(new ChannelShift(c, 0, 0, 1, null));
                continue;
            }
            ImageStack chan = channels.frame(c);
            CcmPeak g = measurer.measure(new CrossCorrelationParams(params.maxShiftPx(), false), new CrossCorrelationInput(chan, ref)).peaks().get(0);
            LocalField field = params.blocksPerAxis() > 1 ? localField(chan, ref, g, params, bh, bw) : null;
            out.add(new ChannelShift(c, g.dx(), g.dy(), g.value(), field));
        }
        return new RegistrationResult(params.referenceChannel(), h, w, out);
    }

    private LocalField localField(ImageStack chan, ImageStack ref, CcmPeak g, RegistrationParams params, int bh, int bw) {
        int h = chan.height();
        int w = chan.width();
        int nb = params.blocksPerAxis();
        float[] undone = new float[h * w];
        Interpolator.normalised(Kernel.LANCZOS3, Border.NEAREST).shift(chan.data(), 0, h, w, -g.dx(), -g.dy(), undone, 0);
        ImageStack blocks = cut(undone, w, nb, bh, bw);
        ImageStack refBlocks = cut(ref.data(), w, nb, bh, bw);
        double limit = Math.min(bh, bw) / 4.0;
        CrossCorrelationResult r = measurer.measure(new CrossCorrelationParams(limit, false), new CrossCorrelationInput(blocks, refBlocks));
        List<BlockVector> vectors = new ArrayList<>();
        for (int bi = 0; bi < nb; bi++) {
            for (int bj = 0; bj < nb; bj++) {
                CcmPeak p = r.peaks().get(bi * nb + bj);
                boolean ok = p.value() >= params.minSimilarity() && Math.abs(p.dx()) < limit && Math.abs(p.dy()) < limit;
                vectors.add(new BlockVector(bi, bj, bj * bw + bw / 2.0, bi * bh + bh / 2.0, g.dx() + p.dx(),
                        g.dy() + p.dy(), p.value(), ok));
            }
        }
        double sigma = params.smoothingPx() > 0 ? params.smoothingPx() : Math.max(bh, bw);
        return new LocalField(nb, bh, bw, sigma, g.dx(), g.dy(), vectors);
    }

    private static ImageStack cut(float[] img, int w, int nb, int bh, int bw) {
        float[] out = new float[nb * nb * bh * bw];
        for (int bi = 0; bi < nb; bi++) {
            for (int bj = 0; bj < nb; bj++) {
                int base = (bi * nb + bj) * bh * bw;
                for (int y = 0; y < bh; y++) {
                    System.arraycopy(img, (bi * bh + y) * w + bj * bw, out, base + y * bw, bw);
                }
            }
        }
        return new ImageStack(nb * nb, bh, bw, out);
    }
}
