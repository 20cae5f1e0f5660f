package org.flowscope.simulators.load;

import static jcuda.driver.JCudaDriver.cuCtxCreate;
import static jcuda.driver.JCudaDriver.cuMemAllocHost;
import static jcuda.driver.JCudaDriver.cuMemFreeHost;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoHAsync;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoDAsync;
import static jcuda.driver.JCudaDriver.cuStreamCreate;
import static jcuda.driver.JCudaDriver.cuStreamDestroy;
import static jcuda.driver.JCudaDriver.cuCtxDestroy;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuMemsetD32;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUctx_flags;
import jcuda.driver.CUstream;
import jcuda.driver.CUstream_flags;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.CudaException;
import jcuda.driver.JCudaDriver;
import java.util.Optional;
import org.flowscope.engine.cuda.CudaLibrary;
import org.flowscope.engine.natives.NativeErrors;
import org.flowscope.engine.spi.BackendUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an NVIDIA GPU through the CUDA driver API: each of {@code contexts} contexts holds its share of the
 * requested memory and keeps a busy kernel ({@code busy.ptx}) queued, from its own thread, with pinned host&harr;device
 * copies beside it on a second stream, as another application streaming data through the GPU would.
 */
public final class CudaLoad implements DeviceLoad {
    private static final Logger LOG = LoggerFactory.getLogger(CudaLoad.class);
    private static final int BLOCK = 256;

    private final GpuLoadSettings settings;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();
    private String description = "CUDA (not started)";
    private volatile long totalBytes;

    public CudaLoad(GpuLoadSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        CUdevice dev;
        String name;
        int sms;
        Optional<String> noDriver = CudaLibrary.probe();
        if (noDriver.isPresent()) {
            running.set(false);
            throw new BackendUnavailableException("CUDA load cannot start: " + noDriver.get());
        }
        try {
            JCudaDriver.setExceptionsEnabled(true);
            cuInit(0);
            int[] count = new int[1];
            cuDeviceGetCount(count);
            if (count[0] == 0) {
                throw new BackendUnavailableException("no CUDA device");
            }
            dev = pick(count[0]);
            byte[] nameBytes = new byte[256];
            cuDeviceGetName(nameBytes, nameBytes.length, dev);
            name = new String(nameBytes, StandardCharsets.US_ASCII).trim().replace("\0", "");
            int[] v = new int[1];
            cuDeviceGetAttribute(v, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, dev);
            sms = v[0];
            long[] mem = new long[1];
            cuDeviceTotalMem(mem, dev);
            totalBytes = mem[0];
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            running.set(false);
            throw new BackendUnavailableException("CUDA load cannot start: " + NativeErrors.concise(e), e);
        }
        byte[] ptx = readPtx();
        int elements = sms * 2048 * 2;
        CountDownLatch ready = new CountDownLatch(settings.contexts());
        long[] held = new long[settings.contexts()];
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < settings.contexts(); i++) {
            final int idx = i;
            Thread t = new Thread(() -> {
                try {
                    work(dev, ptx, elements, held, idx, ready);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    ready.countDown();
                }
            }, "cuda-load-" + i);
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
            throw new BackendUnavailableException("CUDA load failed: " + failures.get(0), failures.get(0));
        }
        long total = 0;
        for (long h : held) {
            total += h;
        }
        description = String.format("CUDA %s: %d contexts, %.1f GiB held, ~%.0f ms launches, %d MB copies each way per context",
                name, settings.contexts(), total / (double) (1L << 30), settings.launchMillis(), settings.copyMegabytes());
    }

    private CUdevice pick(int count) {
        for (int i = 0; i < count; i++) {
            CUdevice d = new CUdevice();
            cuDeviceGet(d, i);
            byte[] nameBytes = new byte[256];
            cuDeviceGetName(nameBytes, nameBytes.length, d);
            if (new String(nameBytes, StandardCharsets.US_ASCII).contains(settings.deviceHint())) {
                return d;
            }
        }
        throw new BackendUnavailableException("no CUDA device name contains '" + settings.deviceHint() + "'");
    }

    private void work(CUdevice dev, byte[] ptx, int elements, long[] held, int idx, CountDownLatch ready) {
        CUcontext ctx = new CUcontext();
        // blocking sync: the load's host threads sleep while waiting, so they do not also load the CPU
        cuCtxCreate(ctx, CUctx_flags.CU_CTX_SCHED_BLOCKING_SYNC, dev);
        List<CUdeviceptr> hold = new ArrayList<>();
        Pointer host = null;
        CUstream copies = null;
        try {
            cuCtxSetCurrent(ctx);
            CUmodule module = new CUmodule();
            cuModuleLoadData(module, ptx);
            CUfunction fn = new CUfunction();
            cuModuleGetFunction(fn, module, "busy");
            // the contexts start together, so each takes a fixed share of the device's total memory
            // (less what this context allocates below for its kernel data and copies)
            long copyBytes = (long) settings.copyMegabytes() << 20;
            long want = Math.max(0, (long) (totalBytes * settings.memoryFraction() / settings.contexts())
                    - copyBytes - (long) elements * 4);
            long chunk = 1L << 30;
            for (long got = 0; got < want; ) {
                long n = Math.min(chunk, want - got) & ~3L;
                if (n == 0) {
                    break;
                }
                CUdeviceptr p = new CUdeviceptr();
                try {
                    cuMemAlloc(p, n);
                } catch (CudaException e) {
                    // the device is fuller than planned (another process): hold what we have and load it anyway
                    LOG.warn("CUDA load context {} holds {} MB, less than the {} MB planned: {}", idx, got >> 20, want >> 20, e.getMessage());
                    break;
                }
                cuMemsetD32(p, 0x3f000000, n / 4); // commit the pages
                hold.add(p);
                got += n;
                held[idx] = got;
            }
            CUdeviceptr data = new CUdeviceptr();
            cuMemAlloc(data, (long) elements * 4);
            cuMemsetD32(data, 0x3e800000, elements);
            hold.add(data);
            CUdeviceptr copyDev = null;
            if (copyBytes > 0) {
                host = new Pointer();
                cuMemAllocHost(host, copyBytes); // pinned, so the copies run at full bus speed
                copyDev = new CUdeviceptr();
                cuMemAlloc(copyDev, copyBytes);
                hold.add(copyDev);
                copies = new CUstream();
                cuStreamCreate(copies, CUstream_flags.CU_STREAM_NON_BLOCKING);
            }
            int iters = 256;
            long t0 = System.nanoTime();
            launch(fn, data, elements, iters);
            cuCtxSynchronize();
            iters = settings.calibrate(iters, (System.nanoTime() - t0) / 1e6);
            ready.countDown();
            while (running.get()) {
                launch(fn, data, elements, iters);
                launch(fn, data, elements, iters);
                if (copyDev != null) {
                    cuMemcpyHtoDAsync(copyDev, host, copyBytes, copies);
                    cuMemcpyDtoHAsync(host, copyDev, copyBytes, copies);
                }
                cuCtxSynchronize();
            }
        } finally {
            if (copies != null) {
                cuStreamDestroy(copies);
            }
            if (host != null) {
                cuMemFreeHost(host);
            }
            for (CUdeviceptr p : hold) {
                cuMemFree(p);
            }
            cuCtxDestroy(ctx);
        }
    }

    private static void launch(CUfunction fn, CUdeviceptr data, int n, int iters) {
        Pointer args = Pointer.to(Pointer.to(data), Pointer.to(new int[] {n}), Pointer.to(new int[] {iters}));
        cuLaunchKernel(fn, (n + BLOCK - 1) / BLOCK, 1, 1, BLOCK, 1, 1, 0, null, args, null);
    }

    private static byte[] readPtx() {
        try (InputStream in = CudaLoad.class.getResourceAsStream("busy.ptx")) {
            if (in == null) {
                throw new IllegalStateException("resource busy.ptx missing next to " + CudaLoad.class.getName());
            }
            // the driver reads the PTX image as a NUL-terminated string
            byte[] ptx = in.readAllBytes();
            return java.util.Arrays.copyOf(ptx, ptx.length + 1);
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
