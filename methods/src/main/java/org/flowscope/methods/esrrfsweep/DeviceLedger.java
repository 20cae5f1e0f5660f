package org.flowscope.methods.esrrfsweep;

import static jcuda.driver.JCudaDriver.cuMemGetInfo;

import java.util.ArrayList;
import java.util.List;
import org.flowscope.engine.cuda.CudaDevice;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Device;

/**
 * What the sweep did to the engine's GPU devices, to show that it ran in one context per device with reused buffers:
 * the same device objects (hence the same OpenCL context or CUDA context) before and after, kernel builds and pooled
 * buffer allocations that stop growing after the first combination, and on CUDA the free device memory, which also
 * sees allocations made outside the engine's pool. Snapshots are taken before the sweep, after its first combination
 * and at its end.
 */
final class DeviceLedger {
    /**
     * One GPU device's counters at the three moments.
     *
     * @param device             device label
     * @param sameContext        whether the engine still has this very device object (one context) at the end
     * @param kernelBuilds       kernel builds (OpenCL programs, CUDA module loads): before, after the first combination, end
     * @param bufferAllocations  native allocations of the engine's buffer pool (OpenCL; -1 on CUDA): same three moments
     * @param freeMemoryMiB      free device memory in MiB (CUDA; -1 on OpenCL): same three moments
     */
    record GpuUse(String device, boolean sameContext, long[] kernelBuilds, long[] bufferAllocations, long[] freeMemoryMiB) {
    }

    private final List<Device> devices;
    private final long[][] builds;
    private final long[][] allocations;
    private final long[][] free;

    DeviceLedger(List<Device> engineDevices) {
        this.devices = engineDevices.stream().filter(d -> d instanceof OpenClDevice || d instanceof CudaDevice).toList();
        this.builds = new long[devices.size()][3];
        this.allocations = new long[devices.size()][3];
        this.free = new long[devices.size()][3];
        snapshot(0);
    }

    /** Records the counters at moment {@code k}: 0 before, 1 after the first combination, 2 at the end. */
    void snapshot(int k) {
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            if (d instanceof OpenClDevice ocl) {
                builds[i][k] = ocl.builds().size();
                allocations[i][k] = ocl.bufferAllocations();
                free[i][k] = -1;
            } else if (d instanceof CudaDevice cuda) {
                builds[i][k] = cuda.builds().size();
                allocations[i][k] = -1;
                free[i][k] = freeMiB(cuda);
            }
        }
    }

    /** The GPU devices' counters, given the engine's devices at the end. */
    List<GpuUse> uses(List<Device> devicesAtEnd) {
        List<GpuUse> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            boolean same = devicesAtEnd.stream().anyMatch(e -> e == d);
            out.add(new GpuUse(d.identity().label(), same, builds[i].clone(), allocations[i].clone(), free[i].clone()));
        }
        return out;
    }

    private static long freeMiB(CudaDevice dev) {
        synchronized (dev.lock()) {
            dev.makeCurrent();
            long[] f = new long[1];
            long[] t = new long[1];
            cuMemGetInfo(f, t);
            return f[0] >> 20;
        }
    }
}
