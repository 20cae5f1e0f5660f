package org.flowscope.methods.quality.live;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Engine;
import org.flowscope.methods.decorr.Decorr;
import org.flowscope.methods.decorr.DecorrCpu;
import org.flowscope.methods.decorr.DecorrParams;
import org.flowscope.methods.decorr.DecorrResult;
import org.flowscope.methods.frc.Frc;
import org.flowscope.methods.frc.FrcCpu;
import org.flowscope.methods.frc.FrcInput;
import org.flowscope.methods.frc.FrcParams;
import org.flowscope.methods.frc.FrcResult;

/** How the live quality branch computes its two metrics. */
public interface QualityMetrics {
    FrcResult frc(FrcParams params, FrcInput input);

    DecorrResult decorr(DecorrParams params, ImageStack image);

    /**
     * Through the run's engine: its agent picks among the CPU (one thread, or the CPU device's pool) and the GPU
     * implementations ({@code frc.opencl|cuda}, {@code decorr.opencl|cuda}), as for every other operation.
     */
    static QualityMetrics on(Engine engine) {
        Frc frc = new Frc();
        Decorr decorr = new Decorr();
        return new QualityMetrics() {
            @Override
            public FrcResult frc(FrcParams params, FrcInput input) {
                return engine.run(frc, params, input);
            }

            @Override
            public DecorrResult decorr(DecorrParams params, ImageStack image) {
                return engine.run(decorr, params, image);
            }
        };
    }

    /** The plain-Java references on the calling thread. */
    static QualityMetrics reference() {
        return new QualityMetrics() {
            @Override
            public FrcResult frc(FrcParams params, FrcInput input) {
                return FrcCpu.compute(params, input);
            }

            @Override
            public DecorrResult decorr(DecorrParams params, ImageStack image) {
                return DecorrCpu.compute(params, image);
            }
        };
    }
}
