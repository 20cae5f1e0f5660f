package org.flowscope.methods.decorr;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/** The plain-Java reference implementation of {@link Decorr}: one thread, double-precision spectrum on the heap. */
public final class DecorrCpu implements Implementation<DecorrParams, ImageStack, DecorrResult> {
    private static final Decorr OPERATION = new Decorr();

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("decorr.cpu", Decorr.class, Backend.CPU, Precision.FP64,
                "decorrelation analysis, JTransforms real FFT, spectral high-pass, one thread");
    }

    @Override
    public DecorrResult run(DecorrParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input);
    }

    /** Computes the analysis without an engine (validates first). */
    public static DecorrResult compute(DecorrParams params, ImageStack image) {
        OPERATION.validate(params, image);
        try (CpuDecorrSpectrum spectrum = CpuDecorrSpectrum.of(image, null)) {
            return new DecorrAnalysis(params).run(spectrum);
        }
    }
}
