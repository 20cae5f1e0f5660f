package org.flowscope.engine.cuda;

import java.util.Optional;
import org.flowscope.engine.spi.BackendDiscovery;
import org.flowscope.engine.spi.BackendProvider;
import org.flowscope.engine.spi.DeviceKind;

/**
 * The CUDA backend, found by the engine through {@link java.util.ServiceLoader}. Touches no JCuda class itself (JCuda
 * use starts in {@link CudaDrivers}), so that it loads even where JCuda's jars are missing and the engine can say so.
 */
public final class CudaBackendProvider implements BackendProvider {
    @Override
    public DeviceKind kind() {
        return DeviceKind.CUDA;
    }

    @Override
    public BackendDiscovery discover() {
        Optional<String> missing = CudaLibrary.probe();
        if (missing.isPresent()) {
            return BackendDiscovery.unavailable(missing.get(), CudaLibrary.INSTALL_DRIVER);
        }
        return CudaDrivers.open();
    }
}
