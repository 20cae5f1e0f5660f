package org.flowscope.simulators.load;

import static org.jocl.CL.CL_DEVICE_GLOBAL_MEM_SIZE;
import static org.jocl.CL.CL_DEVICE_MAX_COMPUTE_UNITS;
import static org.jocl.CL.CL_DEVICE_MAX_MEM_ALLOC_SIZE;
import static org.jocl.CL.CL_DEVICE_NAME;
import static org.jocl.CL.CL_DEVICE_TYPE;
import static org.jocl.CL.CL_DEVICE_TYPE_ALL;
import static org.jocl.CL.CL_DEVICE_TYPE_GPU;
import static org.jocl.CL.CL_MEM_READ_WRITE;
import static org.jocl.CL.CL_CONTEXT_PLATFORM;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flowscope.engine.natives.NativeErrors;
import org.flowscope.engine.opencl.OpenClLibrary;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;

/**
 * Loads an OpenCL device (the first GPU, else the first device, or the first whose name contains the hint): each of
 * {@code contexts} contexts holds its share of the requested memory and keeps {@code busy.cl} queued. On a
 * CPU-type device at most {@link GpuLoadSettings#CPU_DEVICE_HOLD_CAP} bytes are held, since its memory is the host's.
 */
public final class OpenClLoad implements DeviceLoad {

    private final GpuLoadSettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();
    private String description = "OpenCL (not started)";

    public OpenClLoad(GpuLoadSettings settings) {
        this.settings = settings;
    }

    private record Picked(cl_platform_id platform, cl_device_id device, String name, boolean gpu) {
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        // JOCL must not initialise without a loader: it would print on stdout and stay unusable
        OpenClLibrary.Status loader = OpenClLibrary.prepare();
        if (!loader.ready()) {
            running.set(false);
            throw new BackendUnavailableException("OpenCL load cannot start: " + loader.reason());
        }
        Picked picked;
        try {
            CL.setExceptionsEnabled(true);
            picked = pick();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            running.set(false);
            throw new BackendUnavailableException("OpenCL load cannot start: " + NativeErrors.concise(e), e);
        }
        long global = longInfo(picked.device, CL_DEVICE_GLOBAL_MEM_SIZE);
        long maxAlloc = longInfo(picked.device, CL_DEVICE_MAX_MEM_ALLOC_SIZE);
        long want = (long) (global * settings.memoryFraction());
        if (!picked.gpu) {
            want = Math.min(want, GpuLoadSettings.CPU_DEVICE_HOLD_CAP);
        }
        long perContext = want / settings.contexts();
        int units = (int) intInfo(picked.device, CL_DEVICE_MAX_COMPUTE_UNITS);
        int elements = Math.max(units, 1) * 2048 * 2;
        String source = readSource();
        CountDownLatch ready = new CountDownLatch(settings.contexts());
        long[] held = new long[settings.contexts()];
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < settings.contexts(); i++) {
            final int idx = i;
            Thread t = new Thread(() -> {
                try {
                    work(picked, source, perContext, maxAlloc, elements, held, idx, ready);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    ready.countDown();
                }
            }, "opencl-load-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            close();
            throw new BackendUnavailableException("OpenCL load failed: " + failures.get(0), failures.get(0));
        }
        long total = 0;
        for (long h : held) {
            total += h;
        }
        description = String.format("OpenCL %s: %d contexts, %.2f GiB held, ~%.0f ms launches",
                picked.name, settings.contexts(), total / (double) (1L << 30), settings.launchMillis());
    }

    private Picked pick() {
        int[] n = new int[1];
        CL.clGetPlatformIDs(0, null, n);
        cl_platform_id[] platforms = new cl_platform_id[n[0]];
        CL.clGetPlatformIDs(n[0], platforms, null);
        Picked first = null;
        for (cl_platform_id p : platforms) {
            int[] nd = new int[1];
            CL.clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, nd);
            cl_device_id[] devices = new cl_device_id[nd[0]];
            CL.clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, nd[0], devices, null);
            for (cl_device_id d : devices) {
                String name = stringInfo(d, CL_DEVICE_NAME);
                boolean gpu = (longInfo(d, CL_DEVICE_TYPE) & CL_DEVICE_TYPE_GPU) != 0;
                Picked c = new Picked(p, d, name, gpu);
                if (!settings.deviceHint().isEmpty()) {
                    if (name.contains(settings.deviceHint())) {
                        return c;
                    }
                } else if (gpu) {
                    return c;
                } else if (first == null) {
                    first = c;
                }
            }
        }
        if (first == null || !settings.deviceHint().isEmpty()) {
            throw new BackendUnavailableException("no OpenCL device"
                    + (settings.deviceHint().isEmpty() ? "" : " whose name contains '" + settings.deviceHint() + "'"));
        }
        return first;
    }

    private void work(Picked picked, String source, long want, long maxAlloc, int elements, long[] held, int idx,
            CountDownLatch ready) {
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, picked.platform);
        cl_context ctx = CL.clCreateContext(props, 1, new cl_device_id[] {picked.device}, null, null, null);
        List<cl_mem> hold = new ArrayList<>();
        cl_command_queue q = null;
        cl_program program = null;
        cl_kernel kernel = null;
        try {
            q = CL.clCreateCommandQueueWithProperties(ctx, picked.device, new cl_queue_properties(), null);
            float[] pattern = {0.5f};
            for (long got = 0; got < want; ) {
                long n = Math.min(Math.min(maxAlloc, 1L << 30), want - got) & ~3L;
                if (n == 0) {
                    break;
                }
                cl_mem m = CL.clCreateBuffer(ctx, CL_MEM_READ_WRITE, n, null, null);
                hold.add(m);
                // writing commits the pages; drivers allocate lazily otherwise
                CL.clEnqueueFillBuffer(q, m, Pointer.to(pattern), Sizeof.cl_float, 0, n, 0, null, null);
                got += n;
                held[idx] = got;
            }
            CL.clFinish(q);
            cl_mem data = CL.clCreateBuffer(ctx, CL_MEM_READ_WRITE, (long) elements * Sizeof.cl_float, null, null);
            hold.add(data);
            CL.clEnqueueFillBuffer(q, data, Pointer.to(new float[] {0.25f}), Sizeof.cl_float, 0,
                    (long) elements * Sizeof.cl_float, 0, null, null);
            program = CL.clCreateProgramWithSource(ctx, 1, new String[] {source}, null, null);
            CL.clBuildProgram(program, 0, null, null, null, null);
            kernel = CL.clCreateKernel(program, "busy", null);
            CL.clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(data));
            CL.clSetKernelArg(kernel, 1, Sizeof.cl_int, Pointer.to(new int[] {elements}));
            int iters = 64;
            long t0 = System.nanoTime();
            launch(q, kernel, elements, iters);
            CL.clFinish(q);
            iters = settings.calibrate(iters, (System.nanoTime() - t0) / 1e6);
            ready.countDown();
            while (running.get()) {
                launch(q, kernel, elements, iters);
                launch(q, kernel, elements, iters);
                CL.clFinish(q);
            }
        } finally {
            if (kernel != null) {
                CL.clReleaseKernel(kernel);
            }
            if (program != null) {
                CL.clReleaseProgram(program);
            }
            for (cl_mem m : hold) {
                CL.clReleaseMemObject(m);
            }
            if (q != null) {
                CL.clReleaseCommandQueue(q);
            }
            CL.clReleaseContext(ctx);
        }
    }

    private static void launch(cl_command_queue q, cl_kernel kernel, int elements, int iters) {
        CL.clSetKernelArg(kernel, 2, Sizeof.cl_int, Pointer.to(new int[] {iters}));
        CL.clEnqueueNDRangeKernel(q, kernel, 1, null, new long[] {elements}, null, 0, null, null);
    }

    private static long longInfo(cl_device_id d, int param) {
        long[] v = new long[1];
        CL.clGetDeviceInfo(d, param, Sizeof.cl_long, Pointer.to(v), null);
        return v[0];
    }

    private static long intInfo(cl_device_id d, int param) {
        int[] v = new int[1];
        CL.clGetDeviceInfo(d, param, Sizeof.cl_int, Pointer.to(v), null);
        return v[0];
    }

    private static String stringInfo(cl_device_id d, int param) {
        long[] size = new long[1];
        CL.clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        CL.clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), StandardCharsets.US_ASCII).trim();
    }

    private static String readSource() {
        try (InputStream in = OpenClLoad.class.getResourceAsStream("busy.cl")) {
            if (in == null) {
                throw new IllegalStateException("resource busy.cl missing next to " + OpenClLoad.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        LoadWorkers.stop(running, workers, 10_000);
    }
}
