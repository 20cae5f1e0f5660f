package org.flowscope.methods.gpu;

import static org.jocl.CL.clSetKernelArg;

import org.flowscope.engine.opencl.OpenClDevice;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/** Binds a {@link GpuKernel} record with {@code cl_mem} buffers to an OpenCL kernel, argument i = component i. */
public final class OpenClKernelArgs {
    private OpenClKernelArgs() {
    }

    /** The kernel named by {@code args}'s {@link GpuKernel} in {@code source} (next to {@code anchor}), built once. */
    public static cl_kernel kernel(OpenClDevice dev, Class<?> anchor, String source, Class<? extends Record> args) {
        return dev.kernel(anchor, source, KernelArgs.kernelName(args), "");
    }

    /** Sets every argument of {@code kernel} from {@code args}; call under the device's lock. */
    public static void bind(cl_kernel kernel, Record args) {
        Object[] values = KernelArgs.values(args);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof cl_mem m) {
                clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(m));
            } else if (v instanceof Integer n) {
                clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {n}));
            } else if (v instanceof Float f) {
                clSetKernelArg(kernel, i, Sizeof.cl_float, Pointer.to(new float[] {f}));
            } else if (v instanceof Double d) {
                clSetKernelArg(kernel, i, Sizeof.cl_double, Pointer.to(new double[] {d}));
            } else {
                throw KernelArgs.unsupported(args, i, v);
            }
        }
    }
}
