package org.flowscope.simulators.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.simulators.camera.Noise;
import org.flowscope.simulators.camera.PsfRenderer;

/**
 * A simulated time series of volumes in memory: the planes ({@code timePoints x slices} of them, z fastest, camera ADU
 * as float32, exactly representable) and the ground truth.
 *
 * <p>Model: emitters blink as a two-state Markov chain per time point (starting from its stationary distribution);
 * every slice of a time point sees the same states. Voxel (s, y, x) receives, from an emitter of N photons at
 * (ex, ey, ez), {@code N Ix(x) Iy(y) exp(-(s + 0.5 - ez)^2 / (2 sigma_z^2))}: the lateral Gaussian integrated over the
 * pixel ({@link PsfRenderer}) times the axial Gaussian at the slice's focal plane (sigma_z = psf ratio x lateral
 * sigma, in slices), so an emitter in focus puts all its photons in its slice's image. Plus a uniform background,
 * Poisson noise, Gaussian read noise and the offset, rounded and clamped to 16 bits. Same parameters, same volumes.
 *
 * @param planes the planes, {@code slices} per time point
 * @param slices slices per volume
 * @param truth  ground truth
 */
public record SimulatedVolumes(ImageStack planes, int slices, VolumeTruth truth) {
    private static final double AXIAL_REACH = 4;

    /** Runs the simulation of {@code p}. */
    public static SimulatedVolumes generate(VolumeParams p) {
        SplittableRandom rng = new SplittableRandom(p.seed());
        List<VolumeEmitter> emitters = VolumeStructures.place(p, rng);
        int n = emitters.size();
        boolean[] on = new boolean[n];
        double duty = p.pOn() + p.pOff() == 0 ? 0 : p.pOn() / (p.pOn() + p.pOff());
        for (int i = 0; i < n; i++) {
            on[i] = rng.nextDouble() < duty;
        }
        long[] onFrames = new long[n];
        int w = p.width();
        int h = p.height();
        int plane = w * h;
        int volume = plane * p.slices();
        float[] data = new float[volume * p.timePoints()];
        PsfRenderer psf = new PsfRenderer(p.sigmaPx());
        double sz = p.sigmaSlices();
        double[] lambda = new double[volume];
        double[] onePlane = new double[plane];
        for (int t = 0; t < p.timePoints(); t++) {
            java.util.Arrays.fill(lambda, p.backgroundPhotons());
            for (int i = 0; i < n; i++) {
                if (t > 0) {
                    on[i] = on[i] ? rng.nextDouble() >= p.pOff() : rng.nextDouble() < p.pOn();
                }
                if (!on[i]) {
                    continue;
                }
                onFrames[i]++;
                VolumeEmitter e = emitters.get(i);
                java.util.Arrays.fill(onePlane, 0);
                psf.add(onePlane, w, h, e.x(), e.y(), e.photons());
                int s0 = Math.max(0, (int) Math.floor(e.z() - AXIAL_REACH * sz));
                int s1 = Math.min(p.slices() - 1, (int) Math.floor(e.z() + AXIAL_REACH * sz));
                for (int s = s0; s <= s1; s++) {
                    double dz = s + 0.5 - e.z();
                    double axial = Math.exp(-dz * dz / (2 * sz * sz));
                    for (int k = 0; k < plane; k++) {
                        lambda[s * plane + k] += onePlane[k] * axial;
                    }
                }
            }
            for (int k = 0; k < volume; k++) {
                double electrons = Noise.poisson(lambda[k], rng);
                if (p.readNoiseE() > 0) {
                    electrons += p.readNoiseE() * rng.nextGaussian();
                }
                data[t * volume + k] = Math.max(0, Math.min(65535, Math.round(electrons + p.offsetAdu())));
            }
        }
        VolumeTruth truth = new VolumeTruth(List.copyOf(new ArrayList<>(emitters)), onFrames, p);
        return new SimulatedVolumes(new ImageStack(p.timePoints() * p.slices(), h, w, data), p.slices(), truth);
    }

    /** Metadata for writing the planes: u16, pixel size, z step, slices per time point. */
    public StackMetadata metadata() {
        VolumeParams p = truth.params();
        return StackMetadata.of(PixelType.U16, p.pixelSizeNm(), 0).withSlices(slices).withZStepNm(p.zStepNm());
    }
}
