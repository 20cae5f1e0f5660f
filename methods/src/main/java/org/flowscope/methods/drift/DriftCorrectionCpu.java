package org.flowscope.methods.drift;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.numerics.interpolation.Interpolator;

/** Plain-Java reference of {@link DriftCorrection}: frames one after another. */
public final class DriftCorrectionCpu implements Implementation<DriftCorrectionParams, DriftCorrectionInput, ImageStack> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("drift-correct.cpu", DriftCorrection.class, Backend.CPU, Precision.MIXED,
                "separable sub-pixel shift per frame, single thread");
    }

    @Override
    public ImageStack run(DriftCorrectionParams params, DriftCorrectionInput input, ExecutionContext context) {
        return compute(params, input);
    }

    public static ImageStack compute(DriftCorrectionParams params, DriftCorrectionInput input) {
        ImageStack s = input.stack();
        ImageStack out = ImageStack.zeros(s.frames(), s.height(), s.width());
        for (int f = 0; f < s.frames(); f++) {
            correctFrame(params, input, out, f);
        }
        return out;
    }

    static void correctFrame(DriftCorrectionParams params, DriftCorrectionInput input, ImageStack out, int f) {
        ImageStack s = input.stack();
        double dx = input.drift().dx(f);
        double dy = input.drift().dy(f);
        if (dx == 0 && dy == 0) {
            System.arraycopy(s.data(), s.offset(f), out.data(), out.offset(f), s.frameSize());
            return;
        }
        Interpolator.normalised(params.interpolator(), params.border())
                .shift(s.data(), s.offset(f), s.height(), s.width(), -dx, -dy, out.data(), out.offset(f));
    }
}
