package org.flowscope.methods.decorr;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/** The plain-Java reference implementation of {@link Decorr}: the high-pass curves one after another. */
public final class DecorrCpu implements Implementation<DecorrParams, ImageStack, DecorrResult> {
    private static final Decorr OPERATION = new Decorr();

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("decorr.cpu", Decorr.class, Backend.CPU, Precision.MIXED,
                "decorrelation analysis, JTransforms FFT, sequential high-pass series");
    }

    @Override
    public DecorrResult run(DecorrParams params, ImageStack input, ExecutionContext context) {
        return compute(params, input);
    }

    /** Computes the analysis without an engine (validates first). */
    public static DecorrResult compute(DecorrParams params, ImageStack image) {
        OPERATION.validate(params, image);
        return new DecorrAnalysis(params, null).run(image);
    }
}
