package org.flowscope.methods.esrrf;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;
import static jcuda.driver.JCudaDriver.cuLaunchHostFunc;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoDAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuStreamSynchronize;
import static jcuda.driver.JCudaDriver.cuStreamWaitEvent;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUfunction;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import org.flowscope.core.frame.FrameShift;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.source.PixelData;
import org.flowscope.engine.cuda.CudaBuffer;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.methods.esrrf.EsrrfKernels.Sums;
import org.flowscope.methods.esrrf.EsrrfKernels.Tables;
import org.flowscope.methods.gpu.CudaKernelArgs;

/**
 * Streaming eSRRF on an NVIDIA GPU ({@link EsrrfSession}), the CUDA twin of {@link OpenClEsrrfSession}: each frame is
 * copied into one of {@link #STAGING} page-locked host buffers ({@code cuMemAllocHost}) in the camera's pixel type
 * and sent with {@code cuMemcpyHtoDAsync} on a transfer stream; the compute stream waits for that copy alone
 * ({@code cuStreamWaitEvent}), converts, shifts and adds the frame to its run's sums, so copies overlap earlier
 * frames' kernels. Windows are made on the device and read back while the next frames compute ({@link CudaWindows}). Runs' sums and window buffers come from the device's pool; a unit's kernel time is measured
 * with events and collected once a host function queued behind it has run.
 *
 * <p>One thread adds frames and asks for windows; {@link PendingWindow#await} runs on another (it makes the context
 * current there). Enqueueing holds the device's lock.
 */
final class CudaEsrrfSession implements EsrrfSession {
    static final int STAGING = 4;
    private static final String STREAM_PTX = "esrrf_stream.ptx";
    private static final String FUSED_PTX = EsrrfCuda.PTX;

    private record Staging(Pointer host, ByteBuffer mapped, CUdeviceptr device, CUevent uploaded, CUevent used,
            boolean[] pending) {
    }

    private record Run(Sums<CUdeviceptr> sums, List<CudaBuffer> buffers, int[] frames) {
    }

    /** A unit's frame start/end events and whether the stream has passed its last one. */
    private record Unit(long id, List<CUevent[]> frames, AtomicBoolean done) {
    }

    private final CudaDevice dev;
    private final EsrrfParams params;
    private final EsrrfPlan plan;
    private final PixelType pixelType;
    private final int px;
    private final int frameSize;
    private final CUstream compute = new CUstream();
    private final CUstream transfer = new CUstream();
    private final List<CudaBuffer> owned = new ArrayList<>();
    private final Tables<CUdeviceptr> tables;
    private final CUdeviceptr frame;
    private final CUdeviceptr lattice;
    private final Staging[] staging = new Staging[STAGING];
    private final CudaWindows windows;
    private final Map<Long, Run> runs = new HashMap<>();
    private final ArrayDeque<Unit> units = new ArrayDeque<>();
    private final ArrayDeque<CUevent> spareEvents = new ArrayDeque<>();
    private final CUfunction convert;
    private final CUfunction latticeKernel;
    private final CUfunction taps;
    private final CUfunction rgc;
    private List<CUevent[]> unitFrames = new ArrayList<>();
    private FrameShift lastShift;
    private int next;

    CudaEsrrfSession(EsrrfStreamParams p, int height, int width, PixelType pixelType, CudaDevice dev) {
        this.dev = dev;
        this.params = p.esrrf();
        this.plan = new EsrrfPlan(params, height, width);
        this.pixelType = pixelType;
        this.px = plan.hm * plan.wm;
        this.frameSize = height * width;
        DeviceTables t = new DeviceTables(plan);
        synchronized (dev.lock()) {
            dev.makeCurrent();
            this.convert = pixelType == PixelType.F32 ? null : CudaKernelArgs.function(dev, EsrrfStreamCuda.class,
                    STREAM_PTX, pixelType == PixelType.U16 ? EsrrfStreamKernels.U16In.class : EsrrfStreamKernels.U8In.class);
            this.latticeKernel = CudaKernelArgs.function(dev, EsrrfStreamCuda.class, STREAM_PTX,
                    EsrrfStreamKernels.LatticeShifted.class);
            this.taps = CudaKernelArgs.function(dev, EsrrfStreamCuda.class, STREAM_PTX, EsrrfStreamKernels.TapsShifted.class);
            this.rgc = CudaKernelArgs.function(dev, EsrrfCuda.class, FUSED_PTX, EsrrfKernels.Rgc.class);
            cuStreamCreate(compute, CUstream_flags.CU_STREAM_NON_BLOCKING);
            cuStreamCreate(transfer, CUstream_flags.CU_STREAM_NON_BLOCKING);
            Tables<CUdeviceptr> fixed = Tables.upload(t, uploader());
            this.tables = fixed.withTaps(alloc(4L * 4 * plan.hm), alloc(4L * 4 * plan.hm), alloc(4L * 4 * plan.wm),
                    alloc(4L * 4 * plan.wm));
            this.frame = alloc(4L * frameSize);
            this.lattice = alloc(8L * t.latticePoints());
            long rawBytes = (long) frameSize * pixelType.bytes();
            for (int i = 0; i < STAGING; i++) {
                Pointer host = new Pointer();
                cuMemAllocHost(host, rawBytes);
                staging[i] = new Staging(host, host.getByteBuffer(0, rawBytes).order(ByteOrder.nativeOrder()),
                        alloc(rawBytes), event(), event(), new boolean[1]);
            }
            this.windows = new CudaWindows(dev, params, plan, compute, transfer);
            taps(FrameShift.ZERO);
            cuStreamSynchronize(compute);
        }
    }

    private CUevent event() {
        CUevent e = spareEvents.pollFirst();
        if (e != null) {
            return e;
        }
        e = new CUevent();
        cuEventCreate(e, CUevent_flags.CU_EVENT_DEFAULT);
        return e;
    }

    private CUdeviceptr alloc(long bytes) {
        CudaBuffer b = dev.buffer(Math.max(bytes, 4));
        owned.add(b);
        return b.pointer();
    }

    private EsrrfKernels.Uploader<CUdeviceptr> uploader() {
        return new EsrrfKernels.Uploader<>() {
            @Override
            public CUdeviceptr ints(int[] v) {
                return write(Pointer.to(v), 4L * v.length);
            }

            @Override
            public CUdeviceptr floats(float[] v) {
                return write(Pointer.to(v), 4L * v.length);
            }

            @Override
            public CUdeviceptr bytes(byte[] v) {
                return write(Pointer.to(v), v.length);
            }

            private CUdeviceptr write(Pointer host, long bytes) {
                CUdeviceptr d = alloc(bytes);
                // from a movable Java array: synchronous (this is the session's one-time set-up)
                jcuda.driver.JCudaDriver.cuMemcpyHtoD(d, host, Math.max(bytes, 1));
                return d;
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
            dev.makeCurrent();
            cuStreamSynchronize(compute);
            cuStreamSynchronize(transfer);
        }
        dropUnitTimings();
    }

    @Override
    public void begin(long run) {
        TemporalCorrelation stat = params.temporal();
        List<CudaBuffer> b = new ArrayList<>(4);
        try {
            b.add(dev.buffer(8L * px));
            b.add(dev.buffer(stat == TemporalCorrelation.AVG ? 8 : 8L * px));
            b.add(dev.buffer(stat == TemporalCorrelation.TAC2 ? 4L * px : 4));
            b.add(dev.buffer(stat == TemporalCorrelation.TAC2 ? 4L * px : 4));
        } catch (RuntimeException e) {
            b.forEach(CudaBuffer::close);
            throw e;
        }
        Sums<CUdeviceptr> sums = new Sums<>(b.get(0).pointer(), b.get(1).pointer(), b.get(2).pointer(), b.get(3).pointer());
        if (runs.putIfAbsent(run, new Run(sums, b, new int[1])) != null) {
            b.forEach(CudaBuffer::close);
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
        synchronized (dev.lock()) {
            dev.makeCurrent();
            if (s.pending()[0]) {
                // the page-locked buffer is free once its previous copy is done
                cuEventSynchronize(s.uploaded());
            }
            copyIn(pixels, s.mapped());
            // the device copy is free once the frame it held was converted
            if (s.pending()[0]) {
                cuStreamWaitEvent(transfer, s.used(), 0);
            }
            cuMemcpyHtoDAsync(s.device(), s.host(), (long) frameSize * pixelType.bytes(), transfer);
            cuEventRecord(s.uploaded(), transfer);
            s.pending()[0] = true;
            cuStreamWaitEvent(compute, s.uploaded(), 0);
            CUevent start = event();
            cuEventRecord(start, compute);
            if (convert == null) {
                cuMemcpyDtoDAsync(frame, s.device(), 4L * frameSize, compute);
            } else {
                launch(convert, pixelType == PixelType.U16 ? new EsrrfStreamKernels.U16In<>(s.device(), frame, frameSize)
                        : new EsrrfStreamKernels.U8In<>(s.device(), frame, frameSize), blocks(frameSize, 256), 1, 1,
                        256, 1);
            }
            cuEventRecord(s.used(), compute);
            if (!shift.equals(lastShift)) {
                taps(shift);
            }
            launch(latticeKernel, EsrrfStreamKernels.LatticeShifted.of(frame, lattice, plan, shift.dx(), shift.dy()),
                    blocks(plan.lw, 32), blocks(2 * plan.h + 1, 8), 1, 32, 8);
            launch(rgc, EsrrfKernels.Rgc.of(frame, lattice, 1, run.frames()[0], plan, params.temporal(), tables,
                    run.sums()), blocks(plan.w, 32), blocks(plan.hm, 4), plan.m, 32, 4);
            CUevent end = event();
            cuEventRecord(end, compute);
            unitFrames.add(new CUevent[] {start, end});
        }
        run.frames()[0]++;
    }

    private void launch(CUfunction f, Record args, int gx, int gy, int gz, int bx, int by) {
        cuLaunchKernel(f, gx, gy, gz, bx, by, 1, 0, compute, CudaKernelArgs.params(args), null);
    }

    private void taps(FrameShift s) {
        launch(taps, EsrrfStreamKernels.TapsShifted.of(tables, plan, s.dx(), s.dy()),
                blocks(Math.max(plan.hm, plan.wm), 64), 1, 1, 64, 1);
        lastShift = s;
    }

    private static void copyIn(PixelData pixels, ByteBuffer dst) {
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
        for (CUevent[] f : unitFrames) {
            spareEvents.addLast(f[0]);
            spareEvents.addLast(f[1]);
        }
        unitFrames.clear();
    }

    @Override
    public void endUnit(long unit) {
        AtomicBoolean done = new AtomicBoolean();
        synchronized (dev.lock()) {
            dev.makeCurrent();
            // a host function queued behind the unit's kernels tells when their events can be read
            cuLaunchHostFunc(compute, flag -> ((AtomicBoolean) flag).set(true), done);
        }
        units.addLast(new Unit(unit, unitFrames, done));
        unitFrames = new ArrayList<>();
    }

    @Override
    public void drainTimings(BiConsumer<Long, Double> sink) {
        while (!units.isEmpty() && units.peekFirst().done().get()) {
            Unit u = units.removeFirst();
            double ms = 0;
            float[] t = new float[1];
            synchronized (dev.lock()) {
                dev.makeCurrent();
                for (CUevent[] f : u.frames()) {
                    cuEventElapsedTime(t, f[0], f[1]);
                    ms += t[0];
                    spareEvents.addLast(f[0]);
                    spareEvents.addLast(f[1]);
                }
            }
            sink.accept(u.id(), ms * 1e-3);
        }
    }

    @Override
    public void awaitTimings() {
        if (units.isEmpty()) {
            return;
        }
        synchronized (dev.lock()) {
            dev.makeCurrent();
            // the host function behind the last unit has run once the stream got past it
            cuStreamSynchronize(compute);
        }
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (!units.peekLast().done().get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @Override
    public int frames(long run) {
        return run(run).frames()[0];
    }

    @Override
    public PendingWindow window(List<Long> ids) {
        List<Sums<CUdeviceptr>> sums = new ArrayList<>();
        int frames = 0;
        for (Long id : ids) {
            Run r = run(id);
            sums.add(r.sums());
            frames += r.frames()[0];
        }
        synchronized (dev.lock()) {
            dev.makeCurrent();
            return windows.make(sums, run(ids.get(0)).buffers(), frames);
        }
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
            dev.makeCurrent();
            cuStreamSynchronize(compute);
            jcuda.driver.JCudaDriver.cuMemcpyDtoH(Pointer.to(sum), r.sums().sum(), 8L * px);
            if (second != null) {
                jcuda.driver.JCudaDriver.cuMemcpyDtoH(Pointer.to(second), r.sums().second(), 8L * px);
            }
            if (first != null) {
                jcuda.driver.JCudaDriver.cuMemcpyDtoH(Pointer.to(first), r.sums().first(), 4L * px);
                jcuda.driver.JCudaDriver.cuMemcpyDtoH(Pointer.to(last), r.sums().last(), 4L * px);
            }
        }
        return TemporalAccumulator.of(stat, r.frames()[0], sum, second, first, last);
    }

    @Override
    public void release(long id) {
        Run r = runs.remove(id);
        if (r != null) {
            // a later run that reuses these buffers writes them on the same stream, after every kernel that reads them
            r.buffers().forEach(CudaBuffer::close);
        }
    }

    @Override
    public void close() {
        synchronized (dev.lock()) {
            dev.makeCurrent();
            cuStreamSynchronize(compute);
            cuStreamSynchronize(transfer);
            runs.values().forEach(r -> r.buffers().forEach(CudaBuffer::close));
            runs.clear();
            for (Unit u : units) {
                u.frames().forEach(f -> {
                    cuEventDestroy(f[0]);
                    cuEventDestroy(f[1]);
                });
            }
            units.clear();
            unitFrames.forEach(f -> {
                cuEventDestroy(f[0]);
                cuEventDestroy(f[1]);
            });
            unitFrames.clear();
            for (Staging s : staging) {
                cuMemFreeHost(s.host());
                cuEventDestroy(s.uploaded());
                cuEventDestroy(s.used());
            }
            windows.close();
            spareEvents.forEach(e -> cuEventDestroy(e));
            spareEvents.clear();
            owned.forEach(CudaBuffer::close);
            owned.clear();
            cuStreamDestroy(compute);
            cuStreamDestroy(transfer);
        }
    }

    private Run run(long id) {
        Run r = runs.get(id);
        if (r == null) {
            throw new IllegalStateException("run " + id + " was not started or was released");
        }
        return r;
    }

    private static int blocks(long n, int per) {
        return (int) ((n + per - 1) / per);
    }
}
