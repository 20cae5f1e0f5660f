package org.flowscope.simulators.camera;

import java.util.Objects;
import org.flowscope.simulators.sample.SampleParams;

/**
 * Everything a simulation needs; the same parameters and seed give the same frames and ground truth, bit for bit.
 *
 * @param camera camera geometry and noise
 * @param sample emitters, blinking, PSF
 * @param drift  stage drift
 * @param frames number of frames, &ge; 1 ({@link Long#MAX_VALUE} for an open-ended camera)
 * @param seed   seed of every random draw
 * @param noise  how the camera noise draws its random numbers ({@link NoiseStreams#SEQUENTIAL}: the original frames)
 */
public record SimulationParams(CameraParams camera, SampleParams sample, DriftParams drift, long frames, long seed,
                               NoiseStreams noise) {
    public SimulationParams {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(noise, "noise");
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be >= 1, got " + frames);
        }
    }

    /** With the original, sequential noise stream. */
    public SimulationParams(CameraParams camera, SampleParams sample, DriftParams drift, long frames, long seed) {
        this(camera, sample, drift, frames, seed, NoiseStreams.SEQUENTIAL);
    }

    /** Default camera, sample and no drift. */
    public static SimulationParams defaults(long frames, long seed) {
        return new SimulationParams(CameraParams.defaults(), SampleParams.defaults(), DriftParams.none(), frames, seed);
    }

    public SimulationParams withCamera(CameraParams c) {
        return new SimulationParams(c, sample, drift, frames, seed, noise);
    }

    public SimulationParams withSample(SampleParams s) {
        return new SimulationParams(camera, s, drift, frames, seed, noise);
    }

    public SimulationParams withDrift(DriftParams d) {
        return new SimulationParams(camera, sample, d, frames, seed, noise);
    }

    public SimulationParams withFrames(long n) {
        return new SimulationParams(camera, sample, drift, n, seed, noise);
    }

    public SimulationParams withSeed(long s) {
        return new SimulationParams(camera, sample, drift, frames, s, noise);
    }

    public SimulationParams withNoise(NoiseStreams n) {
        return new SimulationParams(camera, sample, drift, frames, seed, n);
    }

    /** PSF sigma in camera pixels. */
    public double psfSigmaPx() {
        return sample.psfSigmaNm() / camera.pixelSizeNm();
    }
}
