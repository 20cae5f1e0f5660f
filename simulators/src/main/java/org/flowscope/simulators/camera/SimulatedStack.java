package org.flowscope.simulators.camera;

import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;

/**
 * A whole simulated acquisition in memory: the camera frames (ADU values as float32, exactly representable) and the
 * ground truth. The entry point for accuracy tests:
 * <pre>{@code
 * SimulatedStack sim = SimulatedStack.generate(SimulationParams.defaults(100, 42));
 * ImageStack frames = sim.stack();            // (100, 128, 128), camera ADU
 * ImageStack truth = sim.truth().render(5, 0); // 640x640 emitter map
 * }</pre>
 *
 * @param stack     frames, values in ADU
 * @param pixelType the camera's pixel type (u8 or u16) the values fit in
 * @param truth     ground truth
 */
public record SimulatedStack(ImageStack stack, PixelType pixelType, GroundTruth truth) {

    /** Runs the simulation for {@code params.frames()} frames (at most 2^31 pixels in all). */
    public static SimulatedStack generate(SimulationParams params) {
        CameraParams cam = params.camera();
        long total = params.frames() * cam.width() * cam.height();
        if (total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("simulated stack of " + params.frames() + " frames of " + cam.width() + "x"
                    + cam.height() + " is too large to hold in memory; stream it with SimulatedCamera instead");
        }
        Simulation sim = new Simulation(params);
        int n = cam.width() * cam.height();
        float[] data = new float[(int) total];
        int[] adu = new int[n];
        for (int f = 0; f < params.frames(); f++) {
            sim.next(adu);
            for (int i = 0; i < n; i++) {
                data[f * n + i] = adu[i];
            }
        }
        ImageStack stack = new ImageStack((int) params.frames(), cam.height(), cam.width(), data);
        return new SimulatedStack(stack, cam.pixelType(), sim.truth());
    }

    /** Metadata for writing the stack: pixel type, pixel size, frame interval 1000 / fps ms. */
    public StackMetadata metadata() {
        CameraParams cam = truth.params().camera();
        return StackMetadata.of(pixelType, cam.pixelSizeNm(), 1e3 / cam.fps());
    }
}
