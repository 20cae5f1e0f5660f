package org.flowscope.engine.cuda;

import static jcuda.driver.JCudaDriver.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jcuda.CudaException;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import org.flowscope.engine.device.BufferPool;
import org.flowscope.engine.device.KernelBuild;
import org.flowscope.engine.device.KernelSources;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.KernelBuildException;

/**
 * One CUDA device through the JCuda driver API, with one long-lived context, one stream and a module cache. CUDA
 * C is compiled to PTX ahead of time ({@code nvcc -ptx -arch=compute_80}) and shipped as a resource: the GPU host
 * has no NVRTC that JCuda 12 can load. Modules are cached by the SHA-256 of the PTX; load (JIT) times are kept in
 * {@link #builds()}, apart from run times.
 *
 * <p>Thread safety: CUDA contexts are per-thread current, so an implementation calls {@link #makeCurrent()} and
 * holds {@link #lock()} while it uses the stream.
 */
public final class CudaDevice implements Device {
    private final DeviceIdentity identity;
    private final CUdevice device;
    private final CUcontext context;
    private final CUstream stream;
    private final long totalMemBytes;
    private final Object lock = new Object();
    private final Map<String, CUmodule> modules = new ConcurrentHashMap<>();
    private final Map<String, CUfunction> functions = new ConcurrentHashMap<>();
    private final List<KernelBuild> builds = new CopyOnWriteArrayList<>();
    private final BufferPool<CUdeviceptr> buffers;
    private final java.util.concurrent.atomic.AtomicLong buildNanos = new java.util.concurrent.atomic.AtomicLong();

    private CudaDevice(int ordinal, int driverVersion) {
        this.device = new CUdevice();
        cuDeviceGet(device, ordinal);
        byte[] name = new byte[256];
        cuDeviceGetName(name, name.length, device);
        long[] mem = new long[1];
        cuDeviceTotalMem(mem, device);
        this.totalMemBytes = mem[0];
        int sms = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        int major = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        int minor = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        this.context = new CUcontext();
        cuCtxCreate(context, 0, device);
        this.stream = new CUstream();
        cuStreamCreate(stream, 0);
        String driver = "CUDA driver " + driverVersion / 1000 + "." + (driverVersion % 1000) / 10 + " sm_" + major + minor;
        this.identity = new DeviceIdentity(DeviceKind.CUDA, "NVIDIA", cString(name), driver, totalMemBytes, sms);
        this.buffers = new BufferPool<>(bytes -> {
            CUdeviceptr p = new CUdeviceptr();
            makeCurrent();
            cuMemAlloc(p, bytes);
            return p;
        }, p -> {
            makeCurrent();
            cuMemFree(p);
        }, totalMemBytes, totalMemBytes / 4);
    }

    /**
     * Opens every CUDA device. Call {@link CudaLibrary#probe()} first, so that a machine without the driver never
     * loads JCuda's native library. Throws {@link LinkageError} when the driver library cannot be linked and
     * {@link CudaException} when the driver reports no device; {@link CudaBackendProvider} turns both into reasons.
     */
    static List<CudaDevice> openAll() {
        JCudaDriver.setExceptionsEnabled(true);
        cuInit(0);
        int[] version = new int[1];
        cuDriverGetVersion(version);
        int[] count = new int[1];
        cuDeviceGetCount(count);
        List<CudaDevice> devices = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            devices.add(new CudaDevice(i, version[0]));
        }
        return devices;
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    public CUcontext context() {
        return context;
    }

    /** Makes this device's context current on the calling thread. */
    public void makeCurrent() {
        cuCtxSetCurrent(context);
    }

    public CUstream stream() {
        return stream;
    }

    public long totalMemBytes() {
        return totalMemBytes;
    }

    /** Hold while using the stream: one thread at a time. */
    public Object lock() {
        return lock;
    }

    /**
     * A device allocation of {@code bytes}, reused from earlier runs when one of that size was closed. Throws
     * {@link org.flowscope.engine.spi.DeviceMemoryException} above the device memory. Close it when the run is done.
     */
    public CudaBuffer buffer(long bytes) {
        return new CudaBuffer(buffers, bytes, buffers.acquire(0, bytes, "CUDA allocation on " + identity.label()));
    }

    /** Native device allocations so far (reuses from the pool do not count). */
    public long bufferAllocations() {
        return buffers.allocations();
    }

    /** Total time spent loading modules on this device; the engine subtracts it from run times. */
    @Override
    public long buildNanos() {
        return buildNanos.get();
    }

    /** Module loads done on this device so far, with their durations. */
    public List<KernelBuild> builds() {
        return List.copyOf(builds);
    }

    /**
     * The kernel {@code functionName} from the PTX resource {@code ptxResourceName} (resolved like
     * {@link Class#getResource}, relative to {@code anchor}'s package). The module is loaded once and cached.
     */
    public CUfunction function(Class<?> anchor, String ptxResourceName, String functionName) {
        return functions.computeIfAbsent(anchor.getName() + "|" + ptxResourceName + "|" + functionName, k -> {
            byte[] ptx = KernelSources.read(anchor, ptxResourceName);
            CUmodule module = modules.computeIfAbsent(KernelSources.sha256(ptx),
                    h -> load(anchor.getPackageName() + "/" + ptxResourceName, ptx));
            CUfunction function = new CUfunction();
            try {
                makeCurrent();
                cuModuleGetFunction(function, module, functionName);
            } catch (CudaException e) {
                throw new KernelBuildException("no function '" + functionName + "' in " + ptxResourceName + ": " + e.getMessage(), "");
            }
            return function;
        });
    }

    private CUmodule load(String resource, byte[] ptx) {
        long t0 = System.nanoTime();
        byte[] terminated = Arrays.copyOf(ptx, ptx.length + 1);
        CUmodule module = new CUmodule();
        try {
            makeCurrent();
            cuModuleLoadData(module, terminated);
        } catch (CudaException e) {
            throw new KernelBuildException("loading PTX " + resource + " failed on " + identity.label() + ": " + e.getMessage(),
                    new String(ptx, 0, Math.min(ptx.length, 400), StandardCharsets.UTF_8));
        }
        long took = System.nanoTime() - t0;
        builds.add(new KernelBuild(resource, "", took));
        buildNanos.addAndGet(took);
        return module;
    }

    @Override
    public void close() {
        synchronized (lock) {
            makeCurrent();
            buffers.clear();
            modules.values().forEach(m -> cuModuleUnload(m));
            modules.clear();
            functions.clear();
            cuStreamDestroy(stream);
            cuCtxDestroy(context);
        }
    }

    @Override
    public String toString() {
        return identity.label();
    }

    private int attribute(int attribute) {
        int[] v = new int[1];
        cuDeviceGetAttribute(v, attribute, device);
        return v[0];
    }

    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8).trim();
    }
}
