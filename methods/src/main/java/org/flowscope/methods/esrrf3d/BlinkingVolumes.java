package org.flowscope.methods.esrrf3d;

import java.util.SplittableRandom;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.scenes.GaussianSpots;

/**
 * Seeded time series of volumes of blinking emitters for eSRRF 3-D's conformance cases and benchmarks: one emitter per
 * ~60 voxels (at least 2) at uniform positions, each on in 40 % of the time points with 250-750 photons, spread
 * laterally as a pixel-integrated Gaussian of sigma 1.2 px and axially as a sampled Gaussian of sigma 1 slice, on a
 * background of 10-12 per voxel. Never all zero.
 */
public final class BlinkingVolumes {
    private BlinkingVolumes() {
    }

    /** {@code timePoints} volumes of {@code slices x height x width}. */
    public static VolumeStack generate(int timePoints, int slices, int height, int width, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int plane = height * width;
        int volume = Math.multiplyExact(slices, plane);
        float[] d = new float[Math.multiplyExact(timePoints, volume)];
        int n = Math.max(2, volume / 60);
        double[] ex = new double[n];
        double[] ey = new double[n];
        double[] ez = new double[n];
        for (int i = 0; i < n; i++) {
            ex[i] = r.nextDouble(0, width);
            ey[i] = r.nextDouble(0, height);
            ez[i] = r.nextDouble(0, slices);
        }
        for (int t = 0; t < timePoints; t++) {
            int o = t * volume;
            for (int i = 0; i < volume; i++) {
                d[o + i] = 10f + (float) r.nextDouble(0, 2);
            }
            for (int i = 0; i < n; i++) {
                if (r.nextDouble() >= 0.4) {
                    continue;
                }
                double photons = 250 + 500 * r.nextDouble();
                for (int s = 0; s < slices; s++) {
                    double dz = s + 0.5 - ez[i];
                    double axial = Math.exp(-dz * dz / 2);
                    if (axial > 1e-4) {
                        GaussianSpots.addIntegrated(d, o + s * plane, height, width, ex[i], ey[i], 1.2, photons * axial);
                    }
                }
            }
        }
        return new VolumeStack(new ImageStack(timePoints * slices, height, width, d), slices);
    }
}
