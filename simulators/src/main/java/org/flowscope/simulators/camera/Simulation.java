package org.flowscope.simulators.camera;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscope.simulators.sample.Emitter;
import org.flowscope.simulators.sample.Structures;

/**
 * Produces the frames of a {@link SimulationParams}, one after the other, and records the ground truth.
 *
 * <p>Per frame t: the drift d(t) is drawn ({@link DriftParams}); every emitter that is on deposits its photons with
 * the pixel-integrated Gaussian PSF at its sample position + d(t) ({@link PsfRenderer}); the uniform background is
 * added; camera noise turns the expected photons into ADU ({@link CameraParams}); then each emitter switches state
 * (on → off with pOff, off → on with pOn). Emitters start on with the steady-state probability pOn / (pOn + pOff).
 * Random streams for structure, blinking, drift and noise are split from the seed in that order, so changing the
 * noise does not move the emitters. Not thread-safe.
 */
public final class Simulation {
    private final SimulationParams params;
    private final CameraParams cam;
    private final List<Emitter> emitters;
    private final boolean[] on;
    private final long[] onFrames;
    private final PsfRenderer psf;
    private final SplittableRandom blinkRng;
    private final SplittableRandom driftRng;
    private final SplittableRandom noiseRng;
    private final double[] expected;
    private final PoissonTable background;
    private double[] driftTable = new double[256];
    private double walkX;
    private double walkY;
    private long frame;

    public Simulation(SimulationParams params) {
        this.params = params;
        this.cam = params.camera();
        SplittableRandom root = new SplittableRandom(params.seed());
        SplittableRandom structureRng = root.split();
        this.blinkRng = root.split();
        this.driftRng = root.split();
        this.noiseRng = root.split();
        this.emitters = List.copyOf(Structures.place(params.sample(), cam.width(), cam.height(), cam.pixelSizeNm(), structureRng));
        this.on = new boolean[emitters.size()];
        this.onFrames = new long[emitters.size()];
        double duty = params.sample().dutyCycle();
        for (int i = 0; i < on.length; i++) {
            on[i] = blinkRng.nextDouble() < duty;
        }
        this.psf = new PsfRenderer(params.psfSigmaPx());
        this.expected = new double[cam.width() * cam.height()];
        this.background = new PoissonTable(params.sample().backgroundPhotons());
    }

    public SimulationParams params() {
        return params;
    }

    /** Frames produced so far. */
    public long frame() {
        return frame;
    }

    public boolean hasNext() {
        return frame < params.frames();
    }

    /** The expected photons of the next frame (no noise), then advances: for tests of the optics. */
    double[] nextExpected() {
        if (!hasNext()) {
            throw new IllegalStateException("simulation of " + params.frames() + " frames is exhausted");
        }
        long t = frame;
        double dx;
        double dy;
        if (t > 0) {
            walkX += params.drift().walkSigmaPx() * driftRng.nextGaussian();
            walkY += params.drift().walkSigmaPx() * driftRng.nextGaussian();
        }
        dx = params.drift().vxPxPerFrame() * t + walkX;
        dy = params.drift().vyPxPerFrame() * t + walkY;
        recordDrift(t, dx, dy);
        Arrays.fill(expected, params.sample().backgroundPhotons());
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                Emitter e = emitters.get(i);
                psf.add(expected, cam.width(), cam.height(), e.x() + dx, e.y() + dy, e.photons());
                onFrames[i]++;
            }
        }
        double pOn = params.sample().pOn();
        double pOff = params.sample().pOff();
        for (int i = 0; i < on.length; i++) {
            on[i] = on[i] ? blinkRng.nextDouble() >= pOff : blinkRng.nextDouble() < pOn;
        }
        frame++;
        return expected;
    }

    /** The next frame in ADU, as ints in [0, 2^bitDepth - 1]. */
    public void next(int[] adu) {
        double[] lambda = nextExpected();
        double gain = cam.gain();
        double read = cam.readNoiseE();
        double offset = cam.offsetAdu();
        int max = cam.maxValue();
        for (int i = 0; i < lambda.length; i++) {
            // most pixels see only the background: sample those from its table, the rest exactly
            double electrons = lambda[i] == background.lambda() ? background.sample(noiseRng) : Noise.poisson(lambda[i], noiseRng);
            if (read > 0) {
                electrons += read * noiseRng.nextGaussian();
            }
            long v = Math.round(gain * electrons + offset);
            adu[i] = (int) Math.max(0, Math.min(max, v));
        }
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

    /** The ground truth of the frames produced so far. */
    public GroundTruth truth() {
        int n = (int) Math.min(frame, Integer.MAX_VALUE / 2 - 2);
        double[][] drift = new double[n][];
        for (int t = 0; t < n; t++) {
            drift[t] = new double[] {driftTable[2 * t], driftTable[2 * t + 1]};
        }
        return new GroundTruth(emitters, onFrames.clone(), drift, params);
    }
}
