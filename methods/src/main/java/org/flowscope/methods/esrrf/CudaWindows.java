package org.flowscope.methods.esrrf;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuStreamWaitEvent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUfunction;
import jcuda.driver.CUstream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.cuda.CudaBuffer;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.methods.esrrf.EsrrfKernels.Sums;
import org.flowscope.methods.gpu.CudaKernelArgs;

/**
 * The windows of a {@link CudaEsrrfSession}: the runs' sums joined on the compute stream (into a pooled copy, so the
 * runs stay intact for the next windows that share them), the statistic, the macro-pixel correction, then
 * {@code cuMemcpyDtoHAsync} on the transfer stream (after an event of the compute stream) into one of
 * {@link #RESULTS} page-locked result buffers, so the download overlaps the next frames' kernels. Called under the
 * device's lock with its context current; {@link PendingWindow#await} runs on the result writer's thread.
 */
final class CudaWindows {
    static final int RESULTS = 4;
    private static final String STREAM_PTX = "esrrf_stream.ptx";

    /** A page-locked result buffer and the event of the last read into it. */
    private record Pinned(Pointer host, ByteBuffer mapped, CUevent read) {
    }

    private final CudaDevice dev;
    private final EsrrfParams params;
    private final EsrrfPlan plan;
    private final int px;
    private final CUstream compute;
    private final CUstream transfer;
    private final BlockingQueue<Pinned> free = new ArrayBlockingQueue<>(RESULTS);
    private final List<Pinned> all = new ArrayList<>();
    private final CUevent computed = new CUevent();
    private final CUfunction finish;
    private final CUfunction join;
    private final CUfunction phaseColumns;
    private final CUfunction phaseMeans;
    private final CUfunction phaseDivide;

    CudaWindows(CudaDevice dev, EsrrfParams params, EsrrfPlan plan, CUstream compute, CUstream transfer) {
        this.dev = dev;
        this.params = params;
        this.plan = plan;
        this.px = plan.hm * plan.wm;
        this.compute = compute;
        this.transfer = transfer;
        this.join = CudaKernelArgs.function(dev, EsrrfStreamCuda.class, STREAM_PTX, EsrrfStreamKernels.Join.class);
        this.phaseColumns = CudaKernelArgs.function(dev, EsrrfStreamCuda.class, STREAM_PTX,
                EsrrfStreamKernels.PhaseColumns.class);
        this.phaseMeans = CudaKernelArgs.function(dev, EsrrfStreamCuda.class, STREAM_PTX,
                EsrrfStreamKernels.PhaseMeans.class);
        this.phaseDivide = CudaKernelArgs.function(dev, EsrrfStreamCuda.class, STREAM_PTX,
                EsrrfStreamKernels.PhaseDivide.class);
        this.finish = CudaKernelArgs.function(dev, EsrrfCuda.class, EsrrfCuda.PTX, EsrrfKernels.Finish.class);
        cuEventCreate(computed, CUevent_flags.CU_EVENT_DISABLE_TIMING);
        for (int i = 0; i < RESULTS; i++) {
            Pointer host = new Pointer();
            cuMemAllocHost(host, 4L * px);
            CUevent read = new CUevent();
            cuEventCreate(read, CUevent_flags.CU_EVENT_DISABLE_TIMING);
            Pinned p = new Pinned(host, host.getByteBuffer(0, 4L * px).order(ByteOrder.nativeOrder()), read);
            free.add(p);
            all.add(p);
        }
    }

    /**
     * The window made of runs {@code sums} (time order; {@code firstBuffers} are the first run's four buffers) of
     * {@code frames} frames in all; call under the device's lock with the context current. Waits for a free result
     * buffer first (the writer is at most {@link #RESULTS} windows behind).
     */
    PendingWindow make(List<Sums<CUdeviceptr>> sums, List<CudaBuffer> firstBuffers, int frames) {
        Pinned host;
        try {
            host = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a result buffer", e);
        }
        TemporalCorrelation stat = params.temporal();
        List<CudaBuffer> scratch = new ArrayList<>();
        Sums<CUdeviceptr> total = sums.get(0);
        if (sums.size() > 1) {
            for (CudaBuffer b : firstBuffers) {
                CudaBuffer c = dev.buffer(b.bytes());
                scratch.add(c);
                cuMemcpyDtoDAsync(c.pointer(), b.pointer(), b.bytes(), compute);
            }
            total = new Sums<>(scratch.get(0).pointer(), scratch.get(1).pointer(), scratch.get(2).pointer(),
                    scratch.get(3).pointer());
            for (Sums<CUdeviceptr> next : sums.subList(1, sums.size())) {
                launch(join, EsrrfStreamKernels.Join.of(total, next, px, stat), px, 256);
            }
        }
        CudaBuffer image = dev.buffer(4L * px);
        scratch.add(image);
        launch(finish, EsrrfKernels.Finish.of(total, px, frames, stat, image.pointer()), px, 256);
        if (params.macroPixelCorrection()) {
            CudaBuffer partial = dev.buffer(8L * plan.wm * plan.m);
            CudaBuffer means = dev.buffer(4L * plan.m * plan.m);
            scratch.add(partial);
            scratch.add(means);
            launch(phaseColumns, new EsrrfStreamKernels.PhaseColumns<>(image.pointer(), plan.hm, plan.wm, plan.m,
                    partial.pointer()), plan.wm, 64);
            launch(phaseMeans, new EsrrfStreamKernels.PhaseMeans<>(partial.pointer(), plan.hm, plan.wm, plan.m,
                    means.pointer()), plan.m * plan.m, 64);
            launch(phaseDivide, new EsrrfStreamKernels.PhaseDivide<>(image.pointer(), plan.hm, plan.wm, plan.m,
                    means.pointer()), px, 256);
        }
        // the transfer stream waits for this window's kernels only; the compute stream goes on with later frames
        cuEventRecord(computed, compute);
        cuStreamWaitEvent(transfer, computed, 0);
        cuMemcpyDtoHAsync(host.host(), image.pointer(), 4L * px, transfer);
        cuEventRecord(host.read(), transfer);
        return () -> {
            try {
                dev.makeCurrent();
                cuEventSynchronize(host.read());
                float[] out = new float[px];
                host.mapped().clear();
                host.mapped().asFloatBuffer().get(out);
                return new ImageStack(1, plan.hm, plan.wm, out);
            } finally {
                scratch.forEach(CudaBuffer::close);
                free.add(host);
            }
        };
    }

    private void launch(CUfunction f, Record args, long items, int block) {
        cuLaunchKernel(f, (int) ((items + block - 1) / block), 1, 1, block, 1, 1, 0, compute, CudaKernelArgs.params(args),
                null);
    }

    /** Frees the page-locked buffers and events (the streams are synchronised by the session first). */
    void close() {
        for (Pinned p : all) {
            cuMemFreeHost(p.host());
            cuEventDestroy(p.read());
        }
        cuEventDestroy(computed);
    }
}
