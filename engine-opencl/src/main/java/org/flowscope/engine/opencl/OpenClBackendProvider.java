package org.flowscope.engine.opencl;

import org.flowscope.engine.spi.BackendDiscovery;
import org.flowscope.engine.spi.BackendProvider;
import org.flowscope.engine.spi.DeviceKind;

/**
 * The OpenCL backend, found by the engine through {@link java.util.ServiceLoader}. Touches no JOCL class itself (JOCL
 * use starts in {@link OpenClPlatforms}), so that it loads even where JOCL's jar is missing and the engine can say so.
 */
public final class OpenClBackendProvider implements BackendProvider {
    @Override
    public DeviceKind kind() {
        return DeviceKind.OPENCL;
    }

    @Override
    public BackendDiscovery discover() {
        OpenClLibrary.Status loader = OpenClLibrary.prepare();
        if (!loader.ready()) {
            return BackendDiscovery.unavailable(loader.reason(), OpenClLibrary.INSTALL_LOADER);
        }
        return OpenClPlatforms.open(loader);
    }
}
