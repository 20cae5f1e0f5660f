package org.flowscope.methods.crosscorrelation;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.gpu.Gpu;

/** The body of {@link CrossCorrelationOpenCl} and {@link CrossCorrelationCuda}: every frame through one {@link DeviceCcm}. */
final class CrossCorrelationGpu {
    private CrossCorrelationGpu() {
    }

    static CrossCorrelationResult compute(Gpu gpu, CrossCorrelationParams params, CrossCorrelationInput input) {
        new CrossCorrelation().validate(params, input);
        ImageStack frames = input.frames();
        int h = frames.height();
        int w = frames.width();
        ImageStack maps = params.keepMaps() ? ImageStack.zeros(frames.frames(), h, w) : null;
        List<CcmPeak> peaks = new ArrayList<>(frames.frames());
        DeviceCcm ccm = new DeviceCcm(gpu, h, w, params.smoothingPx(), input.reference().data(), 0);
        for (int f = 0; f < frames.frames(); f++) {
            if (input.reference().frames() > 1 && f > 0) {
                ccm.reference(input.reference().data(), input.referenceOffset(f));
            }
            peaks.add(ccm.estimate(frames.data(), frames.offset(f), params, maps == null ? null : maps.data(),
                    maps == null ? 0 : maps.offset(f)));
        }
        return new CrossCorrelationResult(peaks, maps);
    }
}
