package org.flowscope.methods.gpu;

import static org.jocl.CL.CL_DEVICE_EXTENSIONS;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueCopyBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetDeviceInfo;
import static org.jocl.CL.clSetKernelArg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.flowscope.engine.opencl.OpenClBuffer;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.flowscope.engine.spi.DeviceMemoryException;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/** {@link Gpu} over an {@link OpenClDevice}: kernels from {@code name.cl}, built once per device by its cache. */
final class OpenClGpu extends Gpu {
    private final OpenClDevice dev;
    private final List<OpenClBuffer> taken = new ArrayList<>();

    private OpenClGpu(OpenClDevice dev) {
        this.dev = dev;
    }

    static <T> T with(OpenClDevice dev, Function<Gpu, T> body) {
        synchronized (dev.lock()) {
            OpenClGpu gpu = new OpenClGpu(dev);
            try {
                T out = body.apply(gpu);
                clFinish(dev.queue());
                return out;
            } catch (CLException e) {
                throw new BackendUnavailableException("OpenCL error on " + dev.identity().label() + ": " + e.getMessage(), e);
            } finally {
                try {
                    clFinish(dev.queue());
                } catch (CLException ignored) {
                    // the queue is broken: the buffers are still handed back, the error above is what matters
                }
                gpu.taken.forEach(OpenClBuffer::close);
            }
        }
    }

    /** Whether the device does double precision (cl_khr_fp64), which every FFT program needs. */
    static boolean hasFp64(OpenClDevice d) {
        long[] size = new long[1];
        clGetDeviceInfo(d.id(), CL_DEVICE_EXTENSIONS, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        clGetDeviceInfo(d.id(), CL_DEVICE_EXTENSIONS, b.length, Pointer.to(b), null);
        return new String(b, StandardCharsets.US_ASCII).contains("cl_khr_fp64");
    }

    private record Buf(OpenClBuffer b) implements GpuBuffer {
        @Override
        public long bytes() {
            return b.bytes();
        }
    }

    private static OpenClBuffer of(GpuBuffer b) {
        return ((Buf) b).b();
    }

    @Override
    public GpuBuffer wrap(Object deviceBuffer) {
        if (deviceBuffer instanceof OpenClBuffer b) {
            return new Buf(b);
        }
        throw new IllegalArgumentException("a OpenCL session takes OpenClBuffer buffers, got "
                + (deviceBuffer == null ? "null" : deviceBuffer.getClass().getName()));
    }

    @Override
    public GpuBuffer buffer(long bytes) {
        OpenClBuffer b;
        try {
            b = dev.buffer(bytes, CL_MEM_READ_WRITE);
        } catch (CLException e) {
            throw new DeviceMemoryException("OpenCL buffer on " + dev.identity().label() + " (" + e.getMessage() + ")",
                    bytes, dev.maxAllocBytes());
        }
        taken.add(b);
        return new Buf(b);
    }

    @Override
    public void upload(GpuBuffer dst, long off, float[] src, int from, int count) {
        clEnqueueWriteBuffer(dev.queue(), of(dst).mem(), CL_TRUE, off, 4L * count, Pointer.to(src).withByteOffset(4L * from),
                0, null, null);
    }

    @Override
    public void upload(GpuBuffer dst, long off, double[] src, int from, int count) {
        clEnqueueWriteBuffer(dev.queue(), of(dst).mem(), CL_TRUE, off, 8L * count, Pointer.to(src).withByteOffset(8L * from),
                0, null, null);
    }

    @Override
    public void upload(GpuBuffer dst, long off, int[] src, int from, int count) {
        clEnqueueWriteBuffer(dev.queue(), of(dst).mem(), CL_TRUE, off, 4L * count, Pointer.to(src).withByteOffset(4L * from),
                0, null, null);
    }

    @Override
    public void download(GpuBuffer src, long off, float[] dst, int from, int count) {
        clEnqueueReadBuffer(dev.queue(), of(src).mem(), CL_TRUE, off, 4L * count, Pointer.to(dst).withByteOffset(4L * from),
                0, null, null);
    }

    @Override
    public void download(GpuBuffer src, long off, double[] dst, int from, int count) {
        clEnqueueReadBuffer(dev.queue(), of(src).mem(), CL_TRUE, off, 8L * count, Pointer.to(dst).withByteOffset(8L * from),
                0, null, null);
    }

    @Override
    public void download(GpuBuffer src, long off, int[] dst, int from, int count) {
        clEnqueueReadBuffer(dev.queue(), of(src).mem(), CL_TRUE, off, 4L * count, Pointer.to(dst).withByteOffset(4L * from),
                0, null, null);
    }

    @Override
    public void copy(GpuBuffer src, GpuBuffer dst, long bytes) {
        clEnqueueCopyBuffer(dev.queue(), of(src).mem(), of(dst).mem(), 0, 0, bytes, 0, null, null);
    }

    @Override
    public void launch(GpuProgram program, String kernel, long[] global, long[] local, Object... args) {
        cl_kernel k = dev.kernel(program.anchor(), program.openClResource(), kernel, "");
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v instanceof GpuBuffer b) {
                clSetKernelArg(k, i, Sizeof.cl_mem, Pointer.to(of(b).mem()));
            } else if (v instanceof Integer x) {
                clSetKernelArg(k, i, Sizeof.cl_int, Pointer.to(new int[] {x}));
            } else if (v instanceof Double x) {
                clSetKernelArg(k, i, Sizeof.cl_double, Pointer.to(new double[] {x}));
            } else if (v instanceof Float x) {
                clSetKernelArg(k, i, Sizeof.cl_float, Pointer.to(new float[] {x}));
            } else {
                throw new IllegalArgumentException("kernel argument " + i + " of " + kernel + " has unsupported type "
                        + (v == null ? "null" : v.getClass().getName()));
            }
        }
        long[] g = new long[global.length];
        for (int d = 0; d < g.length; d++) {
            g[d] = roundUp(global[d], local[d]);
        }
        clEnqueueNDRangeKernel(dev.queue(), k, g.length, null, g, local, 0, null, null);
    }

    @Override
    public void finish() {
        clFinish(dev.queue());
    }

    @Override
    public String label() {
        return dev.identity().label();
    }
}
