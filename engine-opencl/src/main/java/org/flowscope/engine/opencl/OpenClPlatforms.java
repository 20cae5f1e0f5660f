package org.flowscope.engine.opencl;

import java.util.List;
import org.flowscope.engine.natives.NativeErrors;
import org.flowscope.engine.spi.BackendDiscovery;
import org.jocl.CLException;

/** Opens the OpenCL devices once the loader is ready, turning JOCL's failures into reasons and remedies. */
final class OpenClPlatforms {
    /** ocl-icd's status when no driver (ICD) is registered: CL_PLATFORM_NOT_FOUND_KHR. */
    private static final int PLATFORM_NOT_FOUND = -1001;

    private OpenClPlatforms() {
    }

    static BackendDiscovery open(OpenClLibrary.Status loader) {
        String where = loader.library().map(p -> "the OpenCL loader " + p).orElse("the OpenCL loader");
        List<OpenClDevice> devices;
        try {
            devices = OpenClDevice.openAll();
        } catch (CLException e) {
            if (e.getStatus() == PLATFORM_NOT_FOUND) {
                return BackendDiscovery.unavailable(where + " finds no OpenCL platform (no driver registered)",
                        OpenClLibrary.INSTALL_DRIVER);
            }
            return BackendDiscovery.unavailable("OpenCL failed while listing devices: " + e.getMessage(), "");
        } catch (UnsatisfiedLinkError e) {
            // the loader file looked right but did not link (e.g. a dependency of it is missing)
            return BackendDiscovery.unavailable(where + " could not be initialised: " + NativeErrors.concise(e),
                    OpenClLibrary.INSTALL_LOADER);
        }
        if (devices.isEmpty()) {
            return BackendDiscovery.unavailable("the OpenCL platforms report no device", OpenClLibrary.INSTALL_DRIVER);
        }
        return BackendDiscovery.found(devices);
    }
}
