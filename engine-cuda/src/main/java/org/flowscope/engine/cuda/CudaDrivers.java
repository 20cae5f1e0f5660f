package org.flowscope.engine.cuda;

import java.util.List;
import jcuda.CudaException;
import org.flowscope.engine.natives.NativeErrors;
import org.flowscope.engine.spi.BackendDiscovery;

/** Opens the CUDA devices once the driver library was found, turning JCuda's failures into reasons. */
final class CudaDrivers {
    private CudaDrivers() {
    }

    static BackendDiscovery open() {
        List<CudaDevice> devices;
        try {
            devices = CudaDevice.openAll();
        } catch (UnsatisfiedLinkError e) {
            return BackendDiscovery.unavailable("the NVIDIA driver library could not be linked: " + NativeErrors.concise(e),
                    CudaLibrary.INSTALL_DRIVER);
        } catch (CudaException e) {
            return BackendDiscovery.unavailable("the NVIDIA driver reports no usable CUDA device: " + e.getMessage(),
                    CudaLibrary.INSTALL_DRIVER);
        }
        if (devices.isEmpty()) {
            return BackendDiscovery.unavailable("the NVIDIA driver reports no CUDA device", "");
        }
        return BackendDiscovery.found(devices);
    }
}
