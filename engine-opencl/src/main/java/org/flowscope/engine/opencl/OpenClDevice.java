package org.flowscope.engine.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowscope.engine.device.BufferPool;
import org.flowscope.engine.device.KernelBuild;
import org.flowscope.engine.device.KernelSources;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.KernelBuildException;
import org.jocl.CLException;
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

/**
 * One OpenCL device with its long-lived context, in-order command queue and kernel cache. Programs are cached by
 * (SHA-256 of the source, build options) — the device is fixed per instance — so each kernel is built once per
 * engine; build times are kept in {@link #builds()}, apart from run times. JOCL exceptions are enabled globally
 * by {@link #openAll()}, so every failing CL call throws {@link CLException}.
 *
 * <p>Thread safety: the cache is thread-safe; kernel arguments and the queue are not, so an implementation
 * holds {@link #lock()} from setting arguments until it has read its results back.
 */
public final class OpenClDevice implements Device {
    private final DeviceIdentity identity;
    private final cl_device_id id;
    private final cl_context context;
    private final cl_command_queue queue;
    private final long maxAllocBytes;
    private final long globalMemBytes;
    private final Object lock = new Object();
    private final Map<String, cl_program> programs = new ConcurrentHashMap<>();
    private final Map<String, cl_kernel> kernels = new ConcurrentHashMap<>();
    private final Map<String, cl_kernel> byName = new ConcurrentHashMap<>();
    private final List<KernelBuild> builds = new CopyOnWriteArrayList<>();
    private final BufferPool<cl_mem> buffers;
    private final java.util.concurrent.atomic.AtomicLong buildNanos = new java.util.concurrent.atomic.AtomicLong();

    @SuppressWarnings("deprecation")
    private OpenClDevice(cl_platform_id platform, cl_device_id id) {
        this.id = id;
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, platform);
        this.context = clCreateContext(props, 1, new cl_device_id[] {id}, null, null, null);
        this.queue = clCreateCommandQueue(context, id, 0, null);
        this.maxAllocBytes = deviceLong(id, CL_DEVICE_MAX_MEM_ALLOC_SIZE);
        this.globalMemBytes = deviceLong(id, CL_DEVICE_GLOBAL_MEM_SIZE);
        int units = (int) deviceLong(id, CL_DEVICE_MAX_COMPUTE_UNITS, Sizeof.cl_uint);
        String driver = platformString(platform, CL_PLATFORM_NAME) + " " + deviceString(id, CL_DRIVER_VERSION);
        // CPU devices (PoCL) report a share of the currently free RAM, which changes between runs; identities must
        // not, or every run would start a new history: their identity carries no memory figure
        boolean cpuType = (deviceLong(id, CL_DEVICE_TYPE) & CL_DEVICE_TYPE_CPU) != 0;
        this.identity = new DeviceIdentity(DeviceKind.OPENCL, deviceString(id, CL_DEVICE_VENDOR),
                deviceString(id, CL_DEVICE_NAME), driver, cpuType ? 0 : globalMemBytes, units);
        this.buffers = new BufferPool<>(bytes -> {
            throw new IllegalStateException("allocation goes through buffer()");
        }, m -> clReleaseMemObject(m), maxAllocBytes, globalMemBytes / 4);
    }

    /**
     * Opens every OpenCL device of every platform. Call {@link OpenClLibrary#prepare()} first: it makes sure the
     * loader is there before JOCL initialises. Throws {@link CLException} when the loader finds no platform.
     */
    static List<OpenClDevice> openAll() {
        setExceptionsEnabled(true);
        int[] count = new int[1];
        clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        clGetPlatformIDs(platforms.length, platforms, null);
        List<OpenClDevice> devices = new ArrayList<>();
        for (cl_platform_id platform : platforms) {
            int[] n = new int[1];
            try {
                clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, null, n);
            } catch (CLException e) {
                continue; // CL_DEVICE_NOT_FOUND: a platform without devices
            }
            cl_device_id[] ids = new cl_device_id[n[0]];
            clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, ids.length, ids, null);
            for (cl_device_id d : ids) {
                try {
                    devices.add(new OpenClDevice(platform, d));
                } catch (CLException e) {
                    devices.forEach(OpenClDevice::close); // nobody else holds them: do not leak their contexts
                    throw e;
                }
            }
        }
        return devices;
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    public cl_context context() {
        return context;
    }

    public cl_command_queue queue() {
        return queue;
    }

    public cl_device_id id() {
        return id;
    }

    /** Largest single buffer the device accepts (CL_DEVICE_MAX_MEM_ALLOC_SIZE). */
    public long maxAllocBytes() {
        return maxAllocBytes;
    }

    public long globalMemBytes() {
        return globalMemBytes;
    }

    /** Hold while using the queue or setting kernel arguments: one thread at a time. */
    public Object lock() {
        return lock;
    }

    /**
     * A device buffer of {@code bytes} with {@code flags} (e.g. {@code CL_MEM_READ_ONLY}), reused from earlier runs
     * when one of that size and flags was closed. Throws {@link org.flowscope.engine.spi.DeviceMemoryException}
     * above {@link #maxAllocBytes()}. Close it (try-with-resources) when the run is done.
     */
    public OpenClBuffer buffer(long bytes, long flags) {
        cl_mem mem = buffers.acquire(flags, bytes, "OpenCL buffer on " + identity.label(), b -> clCreateBuffer(context, flags, b, null, null));
        return new OpenClBuffer(buffers, flags, bytes, mem);
    }

    /** Native buffer allocations so far (reuses from the pool do not count). */
    public long bufferAllocations() {
        return buffers.allocations();
    }

    /** Total time spent building kernels on this device; the engine subtracts it from run times. */
    @Override
    public long buildNanos() {
        return buildNanos.get();
    }

    /** Kernel builds done on this device so far, with their durations. */
    public List<KernelBuild> builds() {
        return List.copyOf(builds);
    }

    /**
     * The kernel {@code kernelName} of the program in resource {@code resourceName} (resolved like
     * {@link Class#getResource}, relative to {@code anchor}'s package), built with {@code buildOptions}.
     * Built on first use and cached; a failed build throws {@link KernelBuildException} with the build log.
     */
    public cl_kernel kernel(Class<?> anchor, String resourceName, String kernelName, String buildOptions) {
        String options = buildOptions == null ? "" : buildOptions;
        // fast path without re-reading and hashing the source on every run
        return byName.computeIfAbsent(anchor.getName() + "|" + resourceName + "|" + options + "|" + kernelName,
                k -> kernelBySource(anchor, resourceName, kernelName, options));
    }

    private cl_kernel kernelBySource(Class<?> anchor, String resourceName, String kernelName, String options) {
        byte[] source = KernelSources.readExpandingIncludes(anchor, resourceName);
        String programKey = KernelSources.sha256(source) + "|" + options;
        cl_program program = programs.computeIfAbsent(programKey,
                k -> build(anchor.getPackageName() + "/" + resourceName, new String(source, StandardCharsets.UTF_8), options));
        return kernels.computeIfAbsent(programKey + "|" + kernelName, k -> {
            try {
                return clCreateKernel(program, kernelName, null);
            } catch (CLException e) {
                throw new KernelBuildException("no kernel '" + kernelName + "' in " + resourceName + ": " + e.getMessage(), "");
            }
        });
    }

    private cl_program build(String resource, String source, String options) {
        long t0 = System.nanoTime();
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {id}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new KernelBuildException("OpenCL build of " + resource + " failed on " + identity.label()
                    + " with options '" + options + "': " + e.getMessage(), log);
        }
        long took = System.nanoTime() - t0;
        builds.add(new KernelBuild(resource, options, took));
        buildNanos.addAndGet(took);
        return program;
    }

    private String buildLog(cl_program program) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, id, CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] buffer = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, id, CL_PROGRAM_BUILD_LOG, buffer.length, Pointer.to(buffer), null);
            return cString(buffer);
        } catch (CLException e) {
            return "(build log unavailable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            kernels.values().forEach(k -> clReleaseKernel(k));
            kernels.clear();
            byName.clear();
            buffers.clear();
            programs.values().forEach(p -> clReleaseProgram(p));
            programs.clear();
            clReleaseCommandQueue(queue);
            clReleaseContext(context);
        }
    }

    @Override
    public String toString() {
        return identity.label();
    }

    private static long deviceLong(cl_device_id d, int param) {
        return deviceLong(d, param, Sizeof.cl_ulong);
    }

    private static long deviceLong(cl_device_id d, int param, int size) {
        if (size == Sizeof.cl_uint) {
            int[] v = new int[1];
            clGetDeviceInfo(d, param, size, Pointer.to(v), null);
            return v[0] & 0xffffffffL;
        }
        long[] v = new long[1];
        clGetDeviceInfo(d, param, size, Pointer.to(v), null);
        return v[0];
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] buffer = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, buffer.length, Pointer.to(buffer), null);
        return cString(buffer);
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] buffer = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, buffer.length, Pointer.to(buffer), null);
        return cString(buffer);
    }

    private static String cString(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8).trim();
    }
}
