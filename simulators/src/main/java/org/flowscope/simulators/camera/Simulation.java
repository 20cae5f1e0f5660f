package org.flowscope.simulators.camera;

import java.util.Arrays;
import java.util.List;
import org.flowscope.simulators.sample.Emitter;
import org.flowscope.simulators.sample.Structures;

/**
 * Produces the frames of a {@link SimulationParams}, one after the other, and records the ground truth.
 *
 * <p>Per frame t: the drift d(t) is drawn ({@link DriftParams}); every emitter that is on deposits its photons with
 * the pixel-integrated Gaussian PSF at its sample position + d(t) ({@link PsfRenderer}); the uniform background is
 * added; camera noise turns the expected photons into ADU ({@link CameraNoise}); then each emitter switches state
 * (on → off with pOff, off → on with pOn). Emitters start on with the steady-state probability pOn / (pOn + pOff).
 * Random streams for structure, blinking, drift and noise are split from the seed in that order, so changing the
 * noise does not move the emitters.
 *
 * <p>A frame is made in three steps that {@link FrameRenderer} spreads over threads: {@link #plan()} (sequential:
 * drift and blinking), {@link #expected} (any band of rows, in parallel) and the noise (sequential, or in parallel
 * chunks planned by {@link CameraNoise#advance}). {@link #next(int[])} does all three on the calling thread. Both
 * give the same frames, bit for bit. Not thread-safe, except {@link #expected} on disjoint bands.
 */
public final class Simulation {
    /** Footprints are cached per emitter while the sample does not move, up to this many bytes of weights. */
    private static final long CACHE_BYTES = 64L << 20;
    /** Pixels per band of rows, about: enough work per task to keep scheduling overhead small. */
    private static final int BAND_PIXELS = 16_384;

    private final SimulationParams params;
    private final CameraParams cam;
    private final List<Emitter> emitters;
    private final boolean[] on;
    private final long[] onFrames;
    private final PsfRenderer psf;
    private final SplitMix blinkRng;
    private final SplitMix driftRng;
    private final SplitMix noiseRng;
    private final CameraNoise noise;
    /** Seed of the per-(frame, band) streams of {@link NoiseStreams#BANDED}. */
    private final long bandSeed;
    private final double[] expected;
    private final PsfRenderer.Footprint[] cache;
    private double[] driftTable = new double[256];
    private double walkX;
    private double walkY;
    private long planned;
    private long delivered;
    /** Frames in the ground truth: those delivered, less those taken back ({@link #withdraw}). */
    private long truthFrames;

    /** What {@link #plan()} decided for one frame: its number, drift and the emitters that are on, in order. */
    record FramePlan(long frame, double dx, double dy, int[] on) {
    }

    public Simulation(SimulationParams params) {
        this.params = params;
        this.cam = params.camera();
        SplitMix root = new SplitMix(params.seed());
        SplitMix structureRng = root.split();
        this.blinkRng = root.split();
        this.driftRng = root.split();
        this.noiseRng = root.split();
        this.bandSeed = root.split().nextLong(); // split after the others: the original streams stay as they were
        this.emitters = List.copyOf(Structures.place(params.sample(), cam.width(), cam.height(), cam.pixelSizeNm(), structureRng));
        this.on = new boolean[emitters.size()];
        this.onFrames = new long[emitters.size()];
        double duty = params.sample().dutyCycle();
        for (int i = 0; i < on.length; i++) {
            on[i] = blinkRng.nextDouble() < duty;
        }
        this.psf = new PsfRenderer(params.psfSigmaPx());
        this.expected = new double[cam.width() * cam.height()];
        this.noise = new CameraNoise(cam, params.sample().backgroundPhotons());
        DriftParams d = params.drift();
        boolean still = d.vxPxPerFrame() == 0 && d.vyPxPerFrame() == 0 && d.walkSigmaPx() == 0;
        long side = 2L * (long) Math.ceil(5 * params.psfSigmaPx()) + 3;
        this.cache = still && (long) emitters.size() * 2 * side * Double.BYTES <= CACHE_BYTES
                ? new PsfRenderer.Footprint[emitters.size()] : null;
    }

    public SimulationParams params() {
        return params;
    }

    /** Frames produced so far. */
    public long frame() {
        return delivered;
    }

    public boolean hasNext() {
        return delivered < params.frames();
    }

    /** The expected photons of the next frame (no noise), then advances: for tests of the optics. */
    double[] nextExpected() {
        requireNext();
        FramePlan f = plan();
        expected(f, expected, 0, cam.height());
        noiseRng.position(noise.advance(expected, 0, expected.length, noiseRng.state(), noiseRng.gamma()));
        delivered(f);
        return expected;
    }

    /** The next frame in ADU, as ints in [0, 2^bitDepth - 1]. */
    public void next(int[] adu) {
        requireNext();
        FramePlan f = plan();
        expected(f, expected, 0, cam.height());
        if (params.noise() == NoiseStreams.BANDED) {
            int rows = bandRows(cam.width());
            for (int b = 0, r0 = 0; r0 < cam.height(); b++, r0 += rows) {
                int from = r0 * cam.width();
                int to = Math.min(cam.height(), r0 + rows) * cam.width();
                noise.render(expected, from, to, bandStream(f.frame(), b), adu, from);
            }
        } else {
            noise.render(expected, 0, expected.length, noiseRng, adu, 0);
        }
        delivered(f);
    }

    /** Rows per band of a frame {@code width} pixels wide: the bands of {@link NoiseStreams#BANDED} and of parallel rendering. */
    static int bandRows(int width) {
        return Math.max(1, BAND_PIXELS / width);
    }

    /** The noise stream of band {@code band} of frame {@code frame} ({@link NoiseStreams#BANDED}); a new generator each call. */
    SplitMix bandStream(long frame, int band) {
        // a distinct seed per (frame, band), then split: the split stream has its own increment, so streams of
        // neighbouring bands are not shifted copies of one sequence
        return new SplitMix(SplitMix.mix64(bandSeed + SplitMix.mix64(frame * 0x1_0000_0001L + band))).split();
    }

    private void requireNext() {
        if (!hasNext()) {
            throw new IllegalStateException("simulation of " + params.frames() + " frames is exhausted");
        }
    }

    /** Frames planned so far (at most two ahead of {@link #frame()} in the parallel renderer). */
    long planned() {
        return planned;
    }

    /** The sequential part of the next frame: drift, the emitters on during it, then their switching. */
    FramePlan plan() {
        long t = planned;
        if (t > 0) {
            walkX += params.drift().walkSigmaPx() * driftRng.nextGaussian();
            walkY += params.drift().walkSigmaPx() * driftRng.nextGaussian();
        }
        double dx = params.drift().vxPxPerFrame() * t + walkX;
        double dy = params.drift().vyPxPerFrame() * t + walkY;
        recordDrift(t, dx, dy);
        int n = 0;
        int[] lit = new int[on.length];
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                lit[n++] = i;
            }
        }
        double pOn = params.sample().pOn();
        double pOff = params.sample().pOff();
        for (int i = 0; i < on.length; i++) {
            on[i] = on[i] ? blinkRng.nextDouble() >= pOff : blinkRng.nextDouble() < pOn;
        }
        planned++;
        return new FramePlan(t, dx, dy, Arrays.copyOf(lit, n));
    }

    /**
     * Writes rows {@code [rowFrom, rowTo)} of the frame's expected photons into {@code lambda}: background, then
     * each lit emitter's footprint in emitter order, so every pixel's sum is the sequential one. Footprints are
     * computed on first use and kept in {@code footprints} (one slot per lit emitter, shared by the bands of a
     * frame) or, while the sample does not move, across frames. Bands may run on several threads at once: a
     * footprint two of them compute at the same time is the same immutable value, whichever is kept.
     */
    void expected(FramePlan f, PsfRenderer.Footprint[] footprints, double[] lambda, int rowFrom, int rowTo) {
        int w = cam.width();
        int h = cam.height();
        int radius = psf.radius();
        Arrays.fill(lambda, rowFrom * w, rowTo * w, params.sample().backgroundPhotons());
        int[] lit = f.on();
        for (int j = 0; j < lit.length; j++) {
            Emitter e = emitters.get(lit[j]);
            double y = e.y() + f.dy();
            int r0 = Math.max(0, (int) Math.floor(y) - radius);
            int r1 = Math.min(h - 1, (int) Math.floor(y) + radius);
            if (r0 >= rowTo || r1 < rowFrom) {
                continue;
            }
            PsfRenderer.Footprint fp = cache != null ? cache[lit[j]] : footprints[j];
            if (fp == null) {
                fp = psf.footprint(w, h, e.x() + f.dx(), y, e.photons());
                if (fp == null) {
                    continue; // off the image
                }
                if (cache != null) {
                    cache[lit[j]] = fp;
                } else {
                    footprints[j] = fp;
                }
            }
            fp.addRows(lambda, w, rowFrom, rowTo);
        }
    }

    private void expected(FramePlan f, double[] lambda, int rowFrom, int rowTo) {
        expected(f, new PsfRenderer.Footprint[f.on().length], lambda, rowFrom, rowTo);
    }

    CameraNoise noise() {
        return noise;
    }

    /** The noise stream, positioned where the next frame's draws begin. */
    SplitMix noiseStream() {
        return noiseRng;
    }

    /** Counts a frame as delivered: its lit emitters enter the ground truth. */
    void delivered(FramePlan f) {
        if (f.frame() != delivered) {
            throw new IllegalStateException("frame " + f.frame() + " delivered out of order, expected " + delivered);
        }
        for (int i : f.on()) {
            onFrames[i]++;
        }
        delivered++;
        truthFrames = delivered;
    }

    /**
     * Takes the last frame in the ground truth out of it again: a camera that renders ahead of its consumer and is
     * stopped has counted frames the consumer never received. Frames are taken back last first.
     */
    void withdraw(FramePlan f) {
        if (f.frame() != truthFrames - 1) {
            throw new IllegalStateException("frame " + f.frame() + " withdrawn out of order, expected " + (truthFrames - 1));
        }
        for (int i : f.on()) {
            onFrames[i]--;
        }
        truthFrames--;
    }

    private void recordDrift(long t, double dx, double dy) {
        if (t > Integer.MAX_VALUE / 2 - 2) {
            return; // open-ended runs beyond 10^9 frames keep no drift history
        }
        int i = (int) t * 2;
        if (i + 1 >= driftTable.length) {
            driftTable = Arrays.copyOf(driftTable, Math.max(driftTable.length * 2, i + 2));
        }
        driftTable[i] = dx;
        driftTable[i + 1] = dy;
    }

    /** The ground truth of the frames delivered so far. */
    public GroundTruth truth() {
        int n = (int) Math.min(truthFrames, Integer.MAX_VALUE / 2 - 2);
        double[][] drift = new double[n][];
        for (int t = 0; t < n; t++) {
            drift[t] = new double[] {driftTable[2 * t], driftTable[2 * t + 1]};
        }
        return new GroundTruth(emitters, onFrames.clone(), drift, params);
    }
}
