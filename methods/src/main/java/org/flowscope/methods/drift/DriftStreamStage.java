package org.flowscope.methods.drift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.pipeline.StreamStage;
import org.flowscope.core.window.StreamFrame;
import org.flowscope.core.window.WindowEnd;
import org.flowscope.methods.crosscorrelation.CcmPeak;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;

/**
 * Live drift in a streaming analysis: the frames are measured in blocks of {@code every} consecutive frames (the
 * block's mean cross-correlated with the reference gives the drift at its centre), and each frame leaves this stage
 * with its own {@link FrameShift}: interpolated linearly between the previous block's centre and its block's,
 * extrapolated past its block's centre, constant before the second measurement (the rule of
 * {@link LiveDriftCorrector}, applied per block instead of per window). A block whose correlation peak is below
 * {@link LiveDriftCorrector#MIN_SIMILARITY} keeps the previous drift. The frames themselves are not resampled here:
 * the operator undoes the shift in its own interpolation (eSRRF) or with the {@link ShiftCorrection} attached to
 * each frame (average).
 *
 * <p>The reference is the user's image or the mean of the stream's first {@code window} frames (the first window, as
 * in the window-by-window corrector). Frames are held until their block is measured: at most one block, plus the
 * first window at the start of the run. Window end marks keep their place behind their frames.
 */
public final class DriftStreamStage implements StreamStage {
    /**
     * One block's measurement.
     *
     * @param block         block number (position / every)
     * @param firstPosition stream position of its first frame
     * @param frames        frames in the block
     * @param centre        position of its centre, {@code first + (frames - 1) / 2}
     * @param dx            drift at the centre, columns
     * @param dy            drift at the centre, rows
     * @param similarity    correlation peak
     * @param measured      false when the peak was too weak and the previous drift was kept
     */
    public record BlockDrift(long block, long firstPosition, int frames, double centre, double dx, double dy,
            double similarity, boolean measured) {
    }

    private static final class Block {
        final long index;
        final long first;
        final double[] sum;
        int frames;
        long last;

        Block(long index, long first, int pixels) {
            this.index = index;
            this.first = first;
            this.sum = new double[pixels];
        }
    }

    private final ShiftMeasurer measurer;
    private final double maxShiftPx;
    private final ShiftCorrection correction;
    private final int every;
    private final int window;
    private final int height;
    private final int width;
    private final float[] pixels;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private final ArrayDeque<Block> waiting = new ArrayDeque<>();
    private final List<BlockDrift> trace = new ArrayList<>();
    private ImageStack reference;
    private double[] referenceSum;
    private int referenceFrames;
    private Block current;
    private long releasedUpTo;

    /**
     * @param reference  the user's reference image, or null for the mean of the first {@code window} frames
     * @param every      frames per measured block, &ge; 1
     * @param window     frames of the first window (the default reference)
     */
    public DriftStreamStage(ShiftMeasurer measurer, ImageStack reference, double maxShiftPx, DriftCorrectionParams correction,
            int every, int window, int height, int width) {
        this.measurer = Objects.requireNonNull(measurer, "measurer");
        if (every < 1) {
            throw new IllegalArgumentException("drift blocks need >= 1 frame, got " + every);
        }
        if (maxShiftPx >= Math.max(height, width)) {
            throw new IllegalArgumentException("max shift " + maxShiftPx + " px is not smaller than the frames "
                    + height + "x" + width);
        }
        if (reference != null && (reference.frames() != 1 || reference.height() != height || reference.width() != width)) {
            throw new IllegalArgumentException("the drift reference must be one " + width + "x" + height + " image, got "
                    + reference.frames() + " of " + reference.width() + "x" + reference.height());
        }
        this.maxShiftPx = maxShiftPx;
        this.correction = new ShiftCorrection(correction);
        this.every = every;
        this.window = window;
        this.height = height;
        this.width = width;
        this.pixels = new float[height * width];
        this.reference = reference;
        this.referenceSum = reference == null ? new double[height * width] : null;
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public void frame(StreamFrame f, Downstream out) {
        held.addLast(f);
        f.frame().copyTo(pixels, 0);
        long index = f.position() / every;
        if (current != null && current.index != index) {
            // a block cut short (its last frames belonged only to skipped windows): measure what it has
            complete();
        }
        if (current == null) {
            current = new Block(index, f.position(), pixels.length);
        }
        for (int i = 0; i < pixels.length; i++) {
            current.sum[i] += pixels[i];
        }
        current.frames++;
        current.last = f.position();
        if (reference == null && f.position() < window) {
            for (int i = 0; i < pixels.length; i++) {
                referenceSum[i] += pixels[i];
            }
            referenceFrames++;
            if (f.position() == window - 1) {
                fixReference();
            }
        }
        if ((f.position() + 1) % every == 0) {
            complete();
        }
        measureWaiting();
        release(out);
    }

    @Override
    public void windowEnd(WindowEnd end, Downstream out) {
        held.addLast(end);
        release(out);
    }

    @Override
    public void finish(Downstream out) {
        if (current != null) {
            complete();
        }
        if (reference == null && referenceFrames > 0) {
            fixReference();
        }
        measureWaiting();
        releasedUpTo = Long.MAX_VALUE;
        release(out);
    }

    @Override
    public void discard() {
        for (Object e : held) {
            if (e instanceof StreamFrame f) {
                f.release();
            }
        }
        held.clear();
    }

    /** Every block's measurement so far, in order. */
    public List<BlockDrift> trace() {
        return List.copyOf(trace);
    }

    /** The latest measurement, or null before the first (on the analysis thread). */
    public BlockDrift latest() {
        return trace.isEmpty() ? null : trace.get(trace.size() - 1);
    }

    /** Frames per measured block. */
    public int every() {
        return every;
    }

    private void complete() {
        waiting.addLast(current);
        current = null;
    }

    private void fixReference() {
        float[] mean = new float[referenceSum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (referenceSum[i] / referenceFrames);
        }
        reference = new ImageStack(1, height, width, mean);
        referenceSum = null;
    }

    private void measureWaiting() {
        while (reference != null && !waiting.isEmpty()) {
            Block b = waiting.removeFirst();
            float[] mean = new float[b.sum.length];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (b.sum[i] / b.frames);
            }
            CcmPeak p = measurer.measure(new CrossCorrelationParams(maxShiftPx, false),
                    new CrossCorrelationInput(new ImageStack(1, height, width, mean), reference)).peaks().get(0);
            BlockDrift before = trace.isEmpty() ? null : trace.get(trace.size() - 1);
            boolean trusted = p.value() >= LiveDriftCorrector.MIN_SIMILARITY;
            double dx = trusted ? p.dx() : before == null ? 0 : before.dx();
            double dy = trusted ? p.dy() : before == null ? 0 : before.dy();
            trace.add(new BlockDrift(b.index, b.first, b.frames, b.first + (b.frames - 1) / 2.0, dx, dy, p.value(),
                    trusted));
            releasedUpTo = b.last + 1;
        }
    }

    /** Hands on, in order, every held frame whose block is measured and the marks between them. */
    private void release(Downstream out) {
        while (!held.isEmpty()) {
            Object e = held.peekFirst();
            if (e instanceof StreamFrame f) {
                if (f.position() >= releasedUpTo) {
                    return;
                }
                held.removeFirst();
                out.frame(f.withShift(shiftAt(f.position()), correction));
            } else {
                held.removeFirst();
                out.windowEnd((WindowEnd) e);
            }
        }
    }

    /** The drift of the frame at {@code position}, from the measurements of its block and the one before. */
    private FrameShift shiftAt(long position) {
        int k = trace.size() - 1;
        while (k > 0 && trace.get(k).firstPosition() > position) {
            k--;
        }
        BlockDrift now = trace.get(k);
        BlockDrift before = k > 0 ? trace.get(k - 1) : null;
        if (before == null || before.centre() == now.centre()) {
            return FrameShift.of(now.dx(), now.dy());
        }
        double a = (position - before.centre()) / (now.centre() - before.centre());
        return FrameShift.of(before.dx() + a * (now.dx() - before.dx()), before.dy() + a * (now.dy() - before.dy()));
    }
}
