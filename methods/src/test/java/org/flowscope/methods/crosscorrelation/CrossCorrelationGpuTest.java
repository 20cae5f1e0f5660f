package org.flowscope.methods.crosscorrelation;

import java.util.List;
import java.util.Random;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.testkit.ConformanceKit;
import org.flowscope.methods.numerics.scenes.BeadRenderer;
import org.flowscope.methods.numerics.scenes.BenchmarkScenes;
import org.flowscope.testkit.TestDevices;
import org.junit.jupiter.api.Test;

/** The device cross-correlations held to the plain-Java reference with the operation's own tolerance. */
class CrossCorrelationGpuTest {
    private static ImageStack scene(int frames, int h, int w, long seed) {
        Random r = new Random(seed);
        double[] dx = new double[frames];
        double[] dy = new double[frames];
        for (int t = 1; t < frames; t++) {
            dx[t] = dx[t - 1] + r.nextGaussian();
            dy[t] = dy[t - 1] + r.nextGaussian();
        }
        return new BeadRenderer(seed, 20, h, w, 1.4, 3).stack(h, w, dx, dy, 15, new Random(seed + 1));
    }

    static List<ConformanceKit.Case<CrossCorrelationParams, CrossCorrelationInput>> cases() {
        ImageStack odd = scene(4, 33, 47, 1);
        ImageStack one = scene(1, 40, 40, 2);
        ImageStack square = scene(5, 64, 64, 3);
        ImageStack drift = BenchmarkScenes.drifting(4, 96, 80, 9);
        return List.of(
                new ConformanceKit.Case<>("odd 33x47 (padded FFT, Lanczos refinement) vs first, maps kept",
                        new CrossCorrelationParams(6, 1, 1.0, true), new CrossCorrelationInput(odd, odd.frame(0))),
                new ConformanceKit.Case<>("one frame vs itself", CrossCorrelationParams.peaksOnly(), new CrossCorrelationInput(one, one)),
                new ConformanceKit.Case<>("pairwise previous, 2 passes, no smoothing", new CrossCorrelationParams(0, 2, 0, false),
                        new CrossCorrelationInput(square.frames(1, 5), square.frames(0, 4))),
                new ConformanceKit.Case<>("96x80 drifting spots vs frame 0", CrossCorrelationParams.peaksOnly(),
                        new CrossCorrelationInput(drift, drift.frame(0))));
    }

    @Test
    void openClConformsToTheReferenceWithTheOperationsTolerance() {
        conforms(new CrossCorrelationOpenCl(), TestDevices.openClOrSkip());
    }

    @Test
    void cudaConformsToTheReferenceWithTheOperationsTolerance() {
        conforms(new CrossCorrelationCuda(), TestDevices.cudaOrSkip());
    }

    @Test
    void aFrameAlreadyInADeviceBufferGivesTheReferencePeak() {
        org.flowscope.engine.opencl.OpenClDevice dev = TestDevices.openClOrSkip();
        ImageStack s = BenchmarkScenes.drifting(2, 64, 72, 4);
        CrossCorrelationParams params = CrossCorrelationParams.peaksOnly();
        CcmPeak expected = CrossCorrelationCpu.compute(params, new CrossCorrelationInput(s.frame(1), s.frame(0))).peaks().get(0);
        long bytes = 4L * 64 * 72;
        try (org.flowscope.engine.opencl.OpenClBuffer held = dev.buffer(bytes, org.jocl.CL.CL_MEM_READ_WRITE)) {
            synchronized (dev.lock()) {
                org.jocl.CL.clEnqueueWriteBuffer(dev.queue(), held.mem(), org.jocl.CL.CL_TRUE, 0, bytes,
                        org.jocl.Pointer.to(s.data()).withByteOffset(4L * s.offset(1)), 0, null, null);
            }
            CcmPeak onDevice = org.flowscope.methods.gpu.Gpu.with(dev, gpu -> new DeviceCcm(gpu, 64, 72, params.smoothingPx(),
                    s.data(), 0).estimate(gpu.wrap(held), 0, params, null, 0));
            org.junit.jupiter.api.Assertions.assertEquals(expected.dx(), onDevice.dx(), 1e-9);
            org.junit.jupiter.api.Assertions.assertEquals(expected.dy(), onDevice.dy(), 1e-9);
            org.junit.jupiter.api.Assertions.assertEquals(expected.value(), onDevice.value(), 1e-9);
        }
    }

    private static void conforms(Implementation<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult> impl,
            Device device) {
        ConformanceKit.of(new CrossCorrelation(), new CrossCorrelationCpu(), CrossCorrelationResult::toFloatArray)
                .assertConforms(impl, device, cases());
    }
}
