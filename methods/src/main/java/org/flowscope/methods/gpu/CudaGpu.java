package org.flowscope.methods.gpu;

import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoD;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jcuda.CudaException;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import org.flowscope.engine.cuda.CudaBuffer;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.spi.BackendUnavailableException;

/**
 * {@link Gpu} over a {@link CudaDevice}: kernels from the committed {@code name.ptx}, loaded once per device by its
 * module cache, launched on the device's stream. Transfers are synchronous driver-API copies on the legacy default
 * stream, which orders them after the kernels already launched on the device's (blocking) stream.
 */
final class CudaGpu extends Gpu {
    private final CudaDevice dev;
    private final List<CudaBuffer> taken = new ArrayList<>();

    private CudaGpu(CudaDevice dev) {
        this.dev = dev;
    }

    static <T> T with(CudaDevice dev, Function<Gpu, T> body) {
        synchronized (dev.lock()) {
            dev.makeCurrent();
            CudaGpu gpu = new CudaGpu(dev);
            try {
                T out = body.apply(gpu);
                cuStreamSynchronize(dev.stream());
                return out;
            } catch (CudaException e) {
                throw new BackendUnavailableException("CUDA error on " + dev.identity().label() + ": " + e.getMessage(), e);
            } finally {
                try {
                    cuStreamSynchronize(dev.stream());
                } catch (CudaException ignored) {
                    // the context is broken: the buffers are still handed back, the error above is what matters
                }
                gpu.taken.forEach(CudaBuffer::close);
            }
        }
    }

    private record Buf(CudaBuffer b) implements GpuBuffer {
        @Override
        public long bytes() {
            return b.bytes();
        }
    }

    private static CudaBuffer of(GpuBuffer b) {
        return ((Buf) b).b();
    }

    @Override
    public GpuBuffer wrap(Object deviceBuffer) {
        if (deviceBuffer instanceof CudaBuffer b) {
            return new Buf(b);
        }
        throw new IllegalArgumentException("a CUDA session takes CudaBuffer buffers, got "
                + (deviceBuffer == null ? "null" : deviceBuffer.getClass().getName()));
    }

    @Override
    public GpuBuffer buffer(long bytes) {
        CudaBuffer b = dev.buffer(bytes);
        taken.add(b);
        return new Buf(b);
    }

    @Override
    public void upload(GpuBuffer dst, long off, float[] src, int from, int count) {
        cuMemcpyHtoD(of(dst).pointer().withByteOffset(off), Pointer.to(src).withByteOffset(4L * from), 4L * count);
    }

    @Override
    public void upload(GpuBuffer dst, long off, double[] src, int from, int count) {
        cuMemcpyHtoD(of(dst).pointer().withByteOffset(off), Pointer.to(src).withByteOffset(8L * from), 8L * count);
    }

    @Override
    public void upload(GpuBuffer dst, long off, int[] src, int from, int count) {
        cuMemcpyHtoD(of(dst).pointer().withByteOffset(off), Pointer.to(src).withByteOffset(4L * from), 4L * count);
    }

    @Override
    public void download(GpuBuffer src, long off, float[] dst, int from, int count) {
        cuMemcpyDtoH(Pointer.to(dst).withByteOffset(4L * from), of(src).pointer().withByteOffset(off), 4L * count);
    }

    @Override
    public void download(GpuBuffer src, long off, double[] dst, int from, int count) {
        cuMemcpyDtoH(Pointer.to(dst).withByteOffset(8L * from), of(src).pointer().withByteOffset(off), 8L * count);
    }

    @Override
    public void download(GpuBuffer src, long off, int[] dst, int from, int count) {
        cuMemcpyDtoH(Pointer.to(dst).withByteOffset(4L * from), of(src).pointer().withByteOffset(off), 4L * count);
    }

    @Override
    public void copy(GpuBuffer src, GpuBuffer dst, long bytes) {
        cuMemcpyDtoD(of(dst).pointer(), of(src).pointer(), bytes);
    }

    @Override
    public void launch(GpuProgram program, String kernel, long[] global, long[] local, Object... args) {
        CUfunction f = dev.function(program.anchor(), program.ptxResource(), kernel);
        Pointer[] params = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            Object v = args[i];
            if (v instanceof GpuBuffer b) {
                params[i] = Pointer.to(of(b).pointer());
            } else if (v instanceof Integer x) {
                params[i] = Pointer.to(new int[] {x});
            } else if (v instanceof Double x) {
                params[i] = Pointer.to(new double[] {x});
            } else if (v instanceof Float x) {
                params[i] = Pointer.to(new float[] {x});
            } else {
                throw new IllegalArgumentException("kernel argument " + i + " of " + kernel + " has unsupported type "
                        + (v == null ? "null" : v.getClass().getName()));
            }
        }
        int[] grid = {1, 1, 1};
        int[] block = {1, 1, 1};
        for (int d = 0; d < global.length; d++) {
            block[d] = (int) local[d];
            grid[d] = (int) ((global[d] + local[d] - 1) / local[d]);
        }
        cuLaunchKernel(f, grid[0], grid[1], grid[2], block[0], block[1], block[2], 0, dev.stream(), Pointer.to(params), null);
    }

    @Override
    public void finish() {
        cuStreamSynchronize(dev.stream());
    }

    @Override
    public String label() {
        return dev.identity().label();
    }
}
