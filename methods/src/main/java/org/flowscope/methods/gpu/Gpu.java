package org.flowscope.methods.gpu;

import java.util.function.Function;

/**
 * One session on a GPU device, holding the device's lock (one user of its queue or stream at a time): pooled buffers,
 * transfers and launches of kernels from {@link GpuProgram}s. Buffers taken with {@link #buffer(long)} go back to the
 * device's pool when the session ends, so nothing is allocated per call once the pool has the sizes.
 *
 * <p>Launch geometry is OpenCL's: {@code global} work-items per dimension (rounded up here to a multiple of
 * {@code local}), {@code local} per group; on CUDA that is {@code global / local} blocks of {@code local} threads.
 * Kernels receive their true sizes as arguments and guard against the rounded-up items. Kernel arguments may be
 * {@link GpuBuffer}, {@code Integer}, {@code Float} or {@code Double}.
 */
public abstract class Gpu {
    /** Runs {@code body} in a session on {@code device} (an OpenCL or CUDA device). */
    public static <T> T with(org.flowscope.engine.spi.Device device, Function<Gpu, T> body) {
        // by kind first: the backend modules are optional, and testing against a class whose module is absent fails
        switch (device.kind()) {
            case OPENCL:
                if (device instanceof org.flowscope.engine.opencl.OpenClDevice ocl) {
                    return OpenClGpu.with(ocl, body);
                }
                break;
            case CUDA:
                if (device instanceof org.flowscope.engine.cuda.CudaDevice cuda) {
                    return CudaGpu.with(cuda, body);
                }
                break;
            default:
                break;
        }
        throw new org.flowscope.engine.spi.BackendUnavailableException("not a GPU device: " + device.identity().label());
    }

    /** Whether an OpenCL device does double precision (cl_khr_fp64), which every program here needs. */
    public static boolean doublePrecision(org.flowscope.engine.opencl.OpenClDevice device) {
        return OpenClGpu.hasFp64(device);
    }

    /**
     * A device buffer the caller already holds ({@code OpenClBuffer} on an OpenCL session, {@code CudaBuffer} on a CUDA
     * one), usable as a kernel argument here; it stays the caller's (the session does not give it back).
     */
    public abstract GpuBuffer wrap(Object deviceBuffer);

    /** A pooled buffer of at least {@code bytes} (contents undefined). */
    public abstract GpuBuffer buffer(long bytes);

    public abstract void upload(GpuBuffer dst, long dstByteOffset, float[] src, int from, int count);

    public abstract void upload(GpuBuffer dst, long dstByteOffset, double[] src, int from, int count);

    public abstract void upload(GpuBuffer dst, long dstByteOffset, int[] src, int from, int count);

    /** Blocking read into {@code dst[from .. from + count)}. */
    public abstract void download(GpuBuffer src, long srcByteOffset, float[] dst, int from, int count);

    public abstract void download(GpuBuffer src, long srcByteOffset, double[] dst, int from, int count);

    public abstract void download(GpuBuffer src, long srcByteOffset, int[] dst, int from, int count);

    /** Device-side copy of {@code bytes} from the start of {@code src} to the start of {@code dst}. */
    public abstract void copy(GpuBuffer src, GpuBuffer dst, long bytes);

    /** Enqueues kernel {@code kernel} of {@code program}. */
    public abstract void launch(GpuProgram program, String kernel, long[] global, long[] local, Object... args);

    /** Waits for everything enqueued so far. */
    public abstract void finish();

    /** The device's label, for messages. */
    public abstract String label();

    /** {@code n} rounded up to a multiple of {@code m}. */
    public static long roundUp(long n, long m) {
        return (n + m - 1) / m * m;
    }

    /** Uploads a whole array into a new pooled buffer. */
    public GpuBuffer upload(double[] values) {
        GpuBuffer b = buffer(8L * Math.max(1, values.length));
        if (values.length > 0) {
            upload(b, 0, values, 0, values.length);
        }
        return b;
    }

    /** Uploads a whole array into a new pooled buffer. */
    public GpuBuffer upload(int[] values) {
        GpuBuffer b = buffer(4L * Math.max(1, values.length));
        if (values.length > 0) {
            upload(b, 0, values, 0, values.length);
        }
        return b;
    }

    /** Uploads {@code count} floats from {@code src[from]} into a new pooled buffer. */
    public GpuBuffer upload(float[] src, int from, int count) {
        GpuBuffer b = buffer(4L * Math.max(1, count));
        if (count > 0) {
            upload(b, 0, src, from, count);
        }
        return b;
    }

    /** The kernel geometry of a 1-D launch over {@code n} items in groups of {@code local}. */
    public static long[] range(long n, int local) {
        return new long[] {roundUp(Math.max(1, n), local)};
    }
}
