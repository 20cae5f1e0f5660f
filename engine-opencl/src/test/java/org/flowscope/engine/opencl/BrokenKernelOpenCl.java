package org.flowscope.engine.opencl;

import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/** An OpenCL implementation of {@link TestScale} whose kernel does not compile (broken.cl): a real build failure. */
public final class BrokenKernelOpenCl implements Implementation<Float, float[], float[]> {
    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("test.scale.opencl-broken", TestScale.class, Backend.OPENCL, Precision.FP32, "kernel fails to build");
    }

    @Override
    public float[] run(Float factor, float[] input, ExecutionContext context) {
        OpenClDevice d = context.device(OpenClDevice.class);
        synchronized (d.lock()) {
            d.kernel(BrokenKernelOpenCl.class, "broken.cl", "broken", "");
        }
        throw new IllegalStateException("unreachable: broken.cl compiled");
    }
}
