package org.flowscope.methods.crosscorrelation;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/** Plain-Java reference implementation of {@link CrossCorrelation}: one thread, double-precision FFTs. */
public final class CrossCorrelationCpu implements Implementation<CrossCorrelationParams, CrossCorrelationInput, CrossCorrelationResult> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("cross-correlation.cpu", CrossCorrelation.class, Backend.CPU, Precision.FP64,
                "JTransforms FFT cross-correlation + Newton sub-pixel peak, single thread");
    }

    @Override
    public CrossCorrelationResult run(CrossCorrelationParams params, CrossCorrelationInput input, ExecutionContext context) {
        return compute(params, input);
    }

    /** The reference computation, usable without an engine. */
    public static CrossCorrelationResult compute(CrossCorrelationParams params, CrossCorrelationInput input) {
        new CrossCorrelation().validate(params, input);
        ImageStack frames = input.frames();
        int h = frames.height();
        int w = frames.width();
        ImageStack maps = params.keepMaps() ? ImageStack.zeros(frames.frames(), h, w) : null;
        List<CcmPeak> peaks = new ArrayList<>(frames.frames());
        CcmKernel shared = input.reference().frames() == 1 ? new CcmKernel(input.reference().data(), 0, h, w, params.smoothingPx()) : null;
        for (int f = 0; f < frames.frames(); f++) {
            CcmKernel k = shared != null ? shared : new CcmKernel(input.reference().data(), input.referenceOffset(f), h, w,
                    params.smoothingPx());
            peaks.add(k.estimate(frames.data(), frames.offset(f), params.maxShiftPx(), params.refinePasses(),
                    maps == null ? null : maps.data(), maps == null ? 0 : maps.offset(f)));
        }
        return new CrossCorrelationResult(peaks, maps);
    }
}
