package org.flowscope.methods.esrrf;

import static org.jocl.CL.CL_COMPLETE;
import static org.jocl.CL.CL_EVENT_COMMAND_EXECUTION_STATUS;
import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_MAP_WRITE;
import static org.jocl.CL.CL_MEM_ALLOC_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_PROFILING_COMMAND_END;
import static org.jocl.CL.CL_PROFILING_COMMAND_START;
import static org.jocl.CL.CL_QUEUE_PROFILING_ENABLE;
import static org.jocl.CL.CL_TRUE;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clEnqueueCopyBuffer;
import static org.jocl.CL.clEnqueueMapBuffer;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueUnmapMemObject;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetEventInfo;
import static org.jocl.CL.clGetEventProfilingInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clRetainEvent;
import static org.jocl.CL.clWaitForEvents;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.flowscope.engine.opencl.OpenClBuffer;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.methods.esrrf.EsrrfKernels.Sums;
import org.flowscope.methods.esrrf.EsrrfKernels.Tables;
import org.flowscope.methods.gpu.OpenClKernelArgs;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;

/**
 * Streaming eSRRF on an OpenCL device ({@link EsrrfSession}). Each frame is copied into one of {@link #STAGING}
 * pinned host buffers (allocated with {@code CL_MEM_ALLOC_HOST_PTR} and kept mapped, in the camera's pixel type:
 * u16 stays u16 on the bus), written to the device without blocking on a transfer queue, then converted, read with
 * its drift undone (taps and lattice), and added to its run's running sums by {@code esrrf_rgc} on a compute queue
 * that waits only for that frame's transfer; so transfers overlap earlier frames' kernels. Windows are made on the
 * device and read back without blocking ({@link OpenClWindows}).
 * Runs' sums and window buffers come from the device's pool (no allocation once it is warm); the per-frame buffers
 * are allocated when the session opens. Units are timed with the compute queue's profiling (kernel time only).
 *
 * <p>One thread adds frames and asks for windows; {@code await} runs on another. Kernel arguments are set and
 * commands enqueued under the device's lock (the kernels are shared with the whole-window implementation).
 */
final class OpenClEsrrfSession implements EsrrfSession {
    static final int STAGING = 4;
    private static final String STREAM = "esrrf_stream.cl";
    private static final String FUSED = "esrrf.cl";
    private static final int TILE = 16;

    /** A pinned host buffer (mapped for the session's lifetime) and its device twin. */
    private record Staging(cl_mem host, ByteBuffer mapped, cl_mem device, cl_event[] lastUpload, cl_event[] lastUse) {
    }

    private record Run(Sums<cl_mem> sums, List<OpenClBuffer> buffers, int[] frames) {
    }

    private record Unit(long id, List<cl_event> events) {
    }

    private final OpenClDevice dev;
    private final EsrrfParams params;
    private final EsrrfPlan plan;
    private final PixelType pixelType;
    private final int px;
    private final int frameSize;
    private final cl_command_queue compute;
    private final cl_command_queue transfer;
    /** Session-long buffers, from the device's pool: a later session of the same shape reuses them. */
    private final List<OpenClBuffer> owned = new ArrayList<>();
    private final Tables<cl_mem> tables;
    private final cl_mem frame;
    private final cl_mem lattice;
    private final Staging[] staging = new Staging[STAGING];
    private final OpenClWindows windows;
    private final Map<Long, Run> runs = new HashMap<>();
    private final ArrayDeque<Unit> units = new ArrayDeque<>();
    private final cl_kernel convert;
    private final cl_kernel latticeKernel;
    private final cl_kernel taps;
    private final cl_kernel rgc;
    private List<cl_event> unitEvents = new ArrayList<>();
    private FrameShift lastShift;
    private int next;

    OpenClEsrrfSession(EsrrfStreamParams p, int height, int width, PixelType pixelType, OpenClDevice dev) {
        this.dev = dev;
        this.params = p.esrrf();
        this.plan = new EsrrfPlan(params, height, width);
        this.pixelType = pixelType;
        this.px = plan.hm * plan.wm;
        this.frameSize = height * width;
        DeviceTables t = new DeviceTables(plan);
        this.convert = pixelType == PixelType.F32 ? null : OpenClKernelArgs.kernel(dev, EsrrfStreamOpenCl.class, STREAM,
                pixelType == PixelType.U16 ? EsrrfStreamKernels.U16In.class : EsrrfStreamKernels.U8In.class);
        this.latticeKernel = OpenClKernelArgs.kernel(dev, EsrrfStreamOpenCl.class, STREAM, EsrrfStreamKernels.LatticeShifted.class);
        this.taps = OpenClKernelArgs.kernel(dev, EsrrfStreamOpenCl.class, STREAM, EsrrfStreamKernels.TapsShifted.class);
        this.rgc = OpenClKernelArgs.kernel(dev, EsrrfOpenCl.class, FUSED, EsrrfKernels.Rgc.class);
        synchronized (dev.lock()) {
            this.compute = queue(CL_QUEUE_PROFILING_ENABLE);
            this.transfer = queue(0);
            Tables<cl_mem> fixed = Tables.upload(t, uploader());
            // the magnification's taps are rewritten for every shifted frame
            this.tables = fixed.withTaps(alloc(4L * 4 * plan.hm), alloc(4L * 4 * plan.hm), alloc(4L * 4 * plan.wm),
                    alloc(4L * 4 * plan.wm));
            this.frame = alloc(4L * frameSize);
            this.lattice = alloc(8L * t.latticePoints());
            long rawBytes = (long) frameSize * pixelType.bytes();
            for (int i = 0; i < STAGING; i++) {
                cl_mem host = alloc(rawBytes, CL_MEM_READ_WRITE | CL_MEM_ALLOC_HOST_PTR);
                ByteBuffer mapped = clEnqueueMapBuffer(transfer, host, CL_TRUE, CL_MAP_WRITE, 0, rawBytes, 0, null, null,
                        null).order(ByteOrder.nativeOrder());
                staging[i] = new Staging(host, mapped, alloc(rawBytes), new cl_event[1], new cl_event[1]);
            }
            this.windows = new OpenClWindows(dev, params, plan, compute, transfer,
                    bytes -> alloc(bytes, CL_MEM_READ_WRITE | CL_MEM_ALLOC_HOST_PTR));
            clReleaseEvent(taps(FrameShift.ZERO));
        }
    }

    private cl_command_queue queue(long properties) {
        @SuppressWarnings("deprecation")
        cl_command_queue q = clCreateCommandQueue(dev.context(), dev.id(), properties, null);
        return q;
    }

    private cl_mem alloc(long bytes) {
        return alloc(bytes, CL_MEM_READ_WRITE);
    }

    private cl_mem alloc(long bytes, long flags) {
        OpenClBuffer b = dev.buffer(Math.max(bytes, 4), flags);
        owned.add(b);
        return b.mem();
    }

    private EsrrfKernels.Uploader<cl_mem> uploader() {
        return new EsrrfKernels.Uploader<>() {
            @Override
            public cl_mem ints(int[] v) {
                return write(Pointer.to(v), 4L * v.length);
            }

            @Override
            public cl_mem floats(float[] v) {
                return write(Pointer.to(v), 4L * v.length);
            }

            @Override
            public cl_mem bytes(byte[] v) {
                return write(Pointer.to(v), v.length);
            }

            private cl_mem write(Pointer host, long bytes) {
                cl_mem m = alloc(bytes);
                clEnqueueWriteBuffer(compute, m, CL_TRUE, 0, Math.max(bytes, 1), host, 0, null, null);
                return m;
            }
        };
    }

    /**
     * One seeded frame through every per-frame kernel and transfer, into a run that is then dropped: first launches
     * (driver JIT, first touch of the buffers) are the session's one-time cost, not the first unit's.
     */
    void warmUp() {
        long scratchRun = Long.MIN_VALUE;
        begin(scratchRun);
        add(scratchRun, StreamingEsrrf.warmUpFrame(pixelType, plan.h, plan.w), new FrameShift(0.25f, -0.25f));
        release(scratchRun);
        synchronized (dev.lock()) {
            clFinish(compute);
            clFinish(transfer);
        }
        dropUnitTimings();
    }

    @Override
    public void begin(long run) {
        TemporalCorrelation stat = params.temporal();
        List<OpenClBuffer> b = new ArrayList<>(4);
        try {
            b.add(dev.buffer(8L * px, CL_MEM_READ_WRITE));
            b.add(dev.buffer(stat == TemporalCorrelation.AVG ? 8 : 8L * px, CL_MEM_READ_WRITE));
            b.add(dev.buffer(stat == TemporalCorrelation.TAC2 ? 4L * px : 4, CL_MEM_READ_WRITE));
            b.add(dev.buffer(stat == TemporalCorrelation.TAC2 ? 4L * px : 4, CL_MEM_READ_WRITE));
        } catch (RuntimeException e) {
            b.forEach(OpenClBuffer::close);
            throw e;
        }
        Sums<cl_mem> sums = new Sums<>(b.get(0).mem(), b.get(1).mem(), b.get(2).mem(), b.get(3).mem());
        if (runs.putIfAbsent(run, new Run(sums, b, new int[1])) != null) {
            b.forEach(OpenClBuffer::close);
            throw new IllegalStateException("run " + run + " already started");
        }
    }

    @Override
    public void add(long id, PixelData pixels, FrameShift shift) {
        Run run = run(id);
        if (pixels.length() != frameSize) {
            throw new IllegalArgumentException("frame has " + pixels.length() + " pixels, the session expects "
                    + plan.h + "x" + plan.w);
        }
        Staging s = staging[next];
        next = (next + 1) % STAGING;
        // the pinned buffer is free once its previous transfer is done, the device copy once its frame was converted
        waitAndRelease(s.lastUpload());
        copyIn(pixels, s.mapped());
        synchronized (dev.lock()) {
            cl_event uploaded = new cl_event();
            cl_event[] after = s.lastUse()[0] == null ? null : new cl_event[] {s.lastUse()[0]};
            clEnqueueWriteBuffer(transfer, s.device(), CL_FALSE, 0, (long) frameSize * pixelType.bytes(),
                    Pointer.to(s.mapped()), after == null ? 0 : 1, after, uploaded);
            release(s.lastUse());
            s.lastUpload()[0] = uploaded;
            cl_event converted = new cl_event();
            if (convert == null) {
                clEnqueueCopyBuffer(compute, s.device(), frame, 0, 0, 4L * frameSize, 1, new cl_event[] {uploaded},
                        converted);
            } else {
                OpenClKernelArgs.bind(convert, pixelType == PixelType.U16
                        ? new EsrrfStreamKernels.U16In<>(s.device(), frame, frameSize)
                        : new EsrrfStreamKernels.U8In<>(s.device(), frame, frameSize));
                clEnqueueNDRangeKernel(compute, convert, 1, null, new long[] {roundUp(frameSize, 256)},
                        new long[] {256}, 1, new cl_event[] {uploaded}, converted);
            }
            s.lastUse()[0] = converted;
            if (!shift.equals(lastShift)) {
                unitEvents.add(taps(shift));
            }
            cl_event latticeDone = new cl_event();
            OpenClKernelArgs.bind(latticeKernel, EsrrfStreamKernels.LatticeShifted.of(frame, lattice, plan, shift.dx(),
                    shift.dy()));
            clEnqueueNDRangeKernel(compute, latticeKernel, 2, null,
                    new long[] {roundUp(plan.lw, TILE), roundUp(2 * plan.h + 1, TILE)}, new long[] {TILE, TILE}, 0, null,
                    latticeDone);
            cl_event rgcDone = new cl_event();
            OpenClKernelArgs.bind(rgc, EsrrfKernels.Rgc.of(frame, lattice, 1, run.frames()[0], plan, params.temporal(),
                    tables, run.sums()));
            clEnqueueNDRangeKernel(compute, rgc, 3, null, new long[] {roundUp(plan.w, 32), roundUp(plan.hm, 8), plan.m},
                    new long[] {32, 8, 1}, 0, null, rgcDone);
            clRetainEvent(converted);
            unitEvents.add(converted);
            unitEvents.add(latticeDone);
            unitEvents.add(rgcDone);
        }
        run.frames()[0]++;
    }

    /** Rewrites the magnification's taps for frames read {@code s} away; returns the kernel's event. */
    private cl_event taps(FrameShift s) {
        cl_event done = new cl_event();
        OpenClKernelArgs.bind(taps, EsrrfStreamKernels.TapsShifted.of(tables, plan, s.dx(), s.dy()));
        clEnqueueNDRangeKernel(compute, taps, 1, null, new long[] {roundUp(Math.max(plan.hm, plan.wm), 64)},
                new long[] {64}, 0, null, done);
        lastShift = s;
        return done;
    }

    private void copyIn(PixelData pixels, ByteBuffer dst) {
        dst.clear();
        if (pixels instanceof PixelData.U16 u) {
            dst.asShortBuffer().put(u.pixels());
        } else if (pixels instanceof PixelData.U8 u) {
            dst.put(u.pixels());
        } else {
            dst.asFloatBuffer().put(((PixelData.F32) pixels).pixels());
        }
    }

    private void dropUnitTimings() {
        unitEvents.forEach(e -> clReleaseEvent(e));
        unitEvents.clear();
    }

    @Override
    public void endUnit(long unit) {
        units.addLast(new Unit(unit, unitEvents));
        unitEvents = new ArrayList<>();
    }

    @Override
    public void drainTimings(BiConsumer<Long, Double> sink) {
        while (!units.isEmpty() && complete(units.peekFirst().events())) {
            Unit u = units.removeFirst();
            long ns = 0;
            for (cl_event e : u.events()) {
                ns += profiled(e);
                clReleaseEvent(e);
            }
            sink.accept(u.id(), ns * 1e-9);
        }
    }

    @Override
    public void awaitTimings() {
        for (Unit u : units) {
            if (!u.events().isEmpty()) {
                clWaitForEvents(1, new cl_event[] {u.events().get(u.events().size() - 1)});
            }
        }
    }

    private static boolean complete(List<cl_event> events) {
        if (events.isEmpty()) {
            return true;
        }
        int[] status = new int[1];
        clGetEventInfo(events.get(events.size() - 1), CL_EVENT_COMMAND_EXECUTION_STATUS, Sizeof.cl_int,
                Pointer.to(status), null);
        return status[0] == CL_COMPLETE;
    }

    private static long profiled(cl_event e) {
        long[] start = new long[1];
        long[] end = new long[1];
        clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_START, Sizeof.cl_ulong, Pointer.to(start), null);
        clGetEventProfilingInfo(e, CL_PROFILING_COMMAND_END, Sizeof.cl_ulong, Pointer.to(end), null);
        return Math.max(0, end[0] - start[0]);
    }

    @Override
    public int frames(long run) {
        return run(run).frames()[0];
    }

    @Override
    public PendingWindow window(List<Long> ids) {
        List<Sums<cl_mem>> sums = new ArrayList<>();
        int frames = 0;
        for (Long id : ids) {
            Run r = run(id);
            sums.add(r.sums());
            frames += r.frames()[0];
        }
        return windows.make(sums, run(ids.get(0)).buffers(), frames);
    }

    @Override
    public TemporalAccumulator partial(long id) {
        Run r = run(id);
        TemporalCorrelation stat = params.temporal();
        double[] sum = new double[px];
        double[] second = stat == TemporalCorrelation.AVG ? null : new double[px];
        float[] first = stat == TemporalCorrelation.TAC2 ? new float[px] : null;
        float[] last = stat == TemporalCorrelation.TAC2 ? new float[px] : null;
        synchronized (dev.lock()) {
            clEnqueueReadBuffer(compute, r.sums().sum(), CL_TRUE, 0, 8L * px, Pointer.to(sum), 0, null, null);
            if (second != null) {
                clEnqueueReadBuffer(compute, r.sums().second(), CL_TRUE, 0, 8L * px, Pointer.to(second), 0, null, null);
            }
            if (first != null) {
                clEnqueueReadBuffer(compute, r.sums().first(), CL_TRUE, 0, 4L * px, Pointer.to(first), 0, null, null);
                clEnqueueReadBuffer(compute, r.sums().last(), CL_TRUE, 0, 4L * px, Pointer.to(last), 0, null, null);
            }
        }
        return TemporalAccumulator.of(stat, r.frames()[0], sum, second, first, last);
    }

    @Override
    public void release(long id) {
        Run r = runs.remove(id);
        if (r != null) {
            // later commands that reuse these buffers are queued after every command that reads them
            r.buffers().forEach(OpenClBuffer::close);
        }
    }

    @Override
    public void close() {
        synchronized (dev.lock()) {
            clFinish(compute);
            clFinish(transfer);
            runs.values().forEach(r -> r.buffers().forEach(OpenClBuffer::close));
            runs.clear();
            for (Unit u : units) {
                u.events().forEach(e -> clReleaseEvent(e));
            }
            units.clear();
            unitEvents.forEach(e -> clReleaseEvent(e));
            unitEvents.clear();
            for (Staging s : staging) {
                clEnqueueUnmapMemObject(transfer, s.host(), s.mapped(), 0, null, null);
                release(s.lastUpload());
                release(s.lastUse());
            }
            windows.close();
            clFinish(transfer);
            owned.forEach(OpenClBuffer::close);
            owned.clear();
            clReleaseCommandQueue(compute);
            clReleaseCommandQueue(transfer);
        }
    }

    private static void waitAndRelease(cl_event[] holder) {
        if (holder[0] != null) {
            clWaitForEvents(1, holder);
            clReleaseEvent(holder[0]);
            holder[0] = null;
        }
    }

    private static void release(cl_event[] holder) {
        if (holder[0] != null) {
            clReleaseEvent(holder[0]);
            holder[0] = null;
        }
    }

    private Run run(long id) {
        Run r = runs.get(id);
        if (r == null) {
            throw new IllegalStateException("run " + id + " was not started or was released");
        }
        return r;
    }

    private static long roundUp(long n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }
}
