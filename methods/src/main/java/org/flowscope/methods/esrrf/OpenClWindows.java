package org.flowscope.methods.esrrf;

import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_MAP_READ;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clEnqueueCopyBuffer;
import static org.jocl.CL.clEnqueueMapBuffer;
import static org.jocl.CL.clEnqueueMarkerWithWaitList;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueUnmapMemObject;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clWaitForEvents;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongFunction;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.opencl.OpenClBuffer;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.methods.esrrf.EsrrfKernels.Sums;
import org.flowscope.methods.gpu.OpenClKernelArgs;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * The windows of an {@link OpenClEsrrfSession}: the runs' sums joined on the device (into a pooled copy, so the runs
 * stay intact for the next windows that share them), the statistic, the macro-pixel correction, then a non-blocking
 * read on the transfer queue into one of {@link #RESULTS} pinned result buffers, so that the download overlaps the
 * next frames' kernels. Called under the device's lock by the session; {@link PendingWindow#await} runs on the result
 * writer's thread and hands its buffers back.
 */
final class OpenClWindows {
    static final int RESULTS = 4;
    private static final String STREAM = "esrrf_stream.cl";
    private static final String FUSED = "esrrf.cl";

    /** A pinned host buffer, kept mapped. */
    private record Pinned(cl_mem host, ByteBuffer mapped) {
    }

    private final OpenClDevice dev;
    private final EsrrfParams params;
    private final EsrrfPlan plan;
    private final int px;
    private final cl_command_queue compute;
    private final cl_command_queue transfer;
    private final BlockingQueue<Pinned> free = new ArrayBlockingQueue<>(RESULTS);
    private final List<Pinned> all = new ArrayList<>();
    private final cl_kernel finish;
    private final cl_kernel join;
    private final cl_kernel phaseColumns;
    private final cl_kernel phaseMeans;
    private final cl_kernel phaseDivide;

    /** @param alloc allocates a session-owned host buffer of the given bytes ({@code CL_MEM_ALLOC_HOST_PTR}) */
    OpenClWindows(OpenClDevice dev, EsrrfParams params, EsrrfPlan plan, cl_command_queue compute,
            cl_command_queue transfer, LongFunction<cl_mem> alloc) {
        this.dev = dev;
        this.params = params;
        this.plan = plan;
        this.px = plan.hm * plan.wm;
        this.compute = compute;
        this.transfer = transfer;
        this.join = OpenClKernelArgs.kernel(dev, EsrrfStreamOpenCl.class, STREAM, EsrrfStreamKernels.Join.class);
        this.phaseColumns = OpenClKernelArgs.kernel(dev, EsrrfStreamOpenCl.class, STREAM,
                EsrrfStreamKernels.PhaseColumns.class);
        this.phaseMeans = OpenClKernelArgs.kernel(dev, EsrrfStreamOpenCl.class, STREAM, EsrrfStreamKernels.PhaseMeans.class);
        this.phaseDivide = OpenClKernelArgs.kernel(dev, EsrrfStreamOpenCl.class, STREAM,
                EsrrfStreamKernels.PhaseDivide.class);
        this.finish = OpenClKernelArgs.kernel(dev, EsrrfOpenCl.class, FUSED, EsrrfKernels.Finish.class);
        for (int i = 0; i < RESULTS; i++) {
            cl_mem host = alloc.apply(4L * px);
            ByteBuffer mapped = clEnqueueMapBuffer(transfer, host, CL_TRUE, CL_MAP_READ, 0, 4L * px, 0, null, null,
                    null).order(ByteOrder.nativeOrder());
            Pinned p = new Pinned(host, mapped);
            free.add(p);
            all.add(p);
        }
    }

    /**
     * The window made of runs {@code sums} (time order; {@code firstBuffers} are the first run's four buffers) of
     * {@code frames} frames in all. Waits for a free result buffer first (the writer is at most {@link #RESULTS}
     * windows behind).
     */
    PendingWindow make(List<Sums<cl_mem>> sums, List<OpenClBuffer> firstBuffers, int frames) {
        Pinned host;
        try {
            host = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a result buffer", e);
        }
        TemporalCorrelation stat = params.temporal();
        List<OpenClBuffer> scratch = new ArrayList<>();
        cl_event read = new cl_event();
        synchronized (dev.lock()) {
            Sums<cl_mem> total = sums.get(0);
            if (sums.size() > 1) {
                for (OpenClBuffer b : firstBuffers) {
                    OpenClBuffer c = dev.buffer(b.bytes(), CL_MEM_READ_WRITE);
                    scratch.add(c);
                    clEnqueueCopyBuffer(compute, b.mem(), c.mem(), 0, 0, b.bytes(), 0, null, null);
                }
                total = new Sums<>(scratch.get(0).mem(), scratch.get(1).mem(), scratch.get(2).mem(), scratch.get(3).mem());
                for (Sums<cl_mem> next : sums.subList(1, sums.size())) {
                    launch(join, EsrrfStreamKernels.Join.of(total, next, px, stat), px, 256);
                }
            }
            OpenClBuffer image = dev.buffer(4L * px, CL_MEM_READ_WRITE);
            scratch.add(image);
            launch(finish, EsrrfKernels.Finish.of(total, px, frames, stat, image.mem()), px, 256);
            if (params.macroPixelCorrection()) {
                OpenClBuffer partial = dev.buffer(8L * plan.wm * plan.m, CL_MEM_READ_WRITE);
                OpenClBuffer means = dev.buffer(4L * plan.m * plan.m, CL_MEM_READ_WRITE);
                scratch.add(partial);
                scratch.add(means);
                launch(phaseColumns, new EsrrfStreamKernels.PhaseColumns<>(image.mem(), plan.hm, plan.wm, plan.m,
                        partial.mem()), plan.wm, 64);
                launch(phaseMeans, new EsrrfStreamKernels.PhaseMeans<>(partial.mem(), plan.hm, plan.wm, plan.m,
                        means.mem()), plan.m * plan.m, 64);
                launch(phaseDivide, new EsrrfStreamKernels.PhaseDivide<>(image.mem(), plan.hm, plan.wm, plan.m,
                        means.mem()), px, 256);
            }
            cl_event computed = new cl_event();
            clEnqueueMarkerWithWaitList(compute, 0, null, computed);
            clEnqueueReadBuffer(transfer, image.mem(), CL_FALSE, 0, 4L * px, Pointer.to(host.mapped()), 1,
                    new cl_event[] {computed}, read);
            clReleaseEvent(computed);
        }
        return () -> {
            try {
                clWaitForEvents(1, new cl_event[] {read});
                float[] out = new float[px];
                host.mapped().clear();
                host.mapped().asFloatBuffer().get(out);
                return new ImageStack(1, plan.hm, plan.wm, out);
            } finally {
                clReleaseEvent(read);
                scratch.forEach(OpenClBuffer::close);
                free.add(host);
            }
        };
    }

    private void launch(cl_kernel k, Record args, long items, int group) {
        OpenClKernelArgs.bind(k, args);
        clEnqueueNDRangeKernel(compute, k, 1, null, new long[] {(items + group - 1) / group * group},
                new long[] {group}, 0, null, null);
    }

    /** Unmaps the result buffers (the session releases them with its other buffers). */
    void close() {
        for (Pinned p : all) {
            clEnqueueUnmapMemObject(transfer, p.host(), p.mapped(), 0, null, null);
        }
    }
}
