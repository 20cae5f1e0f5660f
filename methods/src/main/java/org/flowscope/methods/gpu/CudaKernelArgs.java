package org.flowscope.methods.gpu;

import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import org.flowscope.engine.cuda.CudaDevice;

/** Turns a {@link GpuKernel} record with {@code CUdeviceptr} buffers into {@code cuLaunchKernel}'s parameter array. */
public final class CudaKernelArgs {
    private CudaKernelArgs() {
    }

    /** The function named by {@code args}'s {@link GpuKernel} in the PTX {@code ptx} next to {@code anchor}. */
    public static CUfunction function(CudaDevice dev, Class<?> anchor, String ptx, Class<? extends Record> args) {
        return dev.function(anchor, ptx, KernelArgs.kernelName(args));
    }

    /** The kernel parameters, parameter i = component i. */
    public static Pointer params(Record args) {
        Object[] values = KernelArgs.values(args);
        Pointer[] params = new Pointer[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof CUdeviceptr d) {
                params[i] = Pointer.to(d);
            } else if (v instanceof Integer n) {
                params[i] = Pointer.to(new int[] {n});
            } else if (v instanceof Float f) {
                params[i] = Pointer.to(new float[] {f});
            } else if (v instanceof Double d) {
                params[i] = Pointer.to(new double[] {d});
            } else {
                throw KernelArgs.unsupported(args, i, v);
            }
        }
        return Pointer.to(params);
    }
}
