package org.flowscope.engine.cuda;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.flowscope.engine.natives.LibrarySearch;

/**
 * Looks for the NVIDIA driver library before JCuda is touched: JCuda's native library links {@code libcuda.so.1},
 * so on a machine without the driver loading it can only fail, after unpacking it into the temp directory. Looking
 * first keeps CPU-only machines fast and gives the reason in words.
 */
public final class CudaLibrary {
    static final String DRIVER = "libcuda.so.1";
    /** What to install when there is no driver. */
    public static final String INSTALL_DRIVER = "CUDA needs an NVIDIA GPU and its driver: install the NVIDIA driver "
            + "(Debian packages nvidia-driver and libcuda1)";

    private CudaLibrary() {
    }

    /**
     * Whether JCuda should be tried: the driver library is where the dynamic linker will look, or an NVIDIA device
     * node exists (then JCuda is tried even if the search missed the library, since a false "missing" on a GPU
     * machine would cost more than one failed load).
     *
     * @return empty when JCuda may be tried, otherwise the reason it is not
     */
    static java.util.Optional<String> probe(LibrarySearch search, boolean nvidiaDeviceNode) {
        LibrarySearch.Lookup driver = search.find(DRIVER);
        if (driver.found().isPresent() || nvidiaDeviceNode) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("no NVIDIA driver: " + driver.describe() + " (searched " + search.describe() + ")");
    }

    /** {@link #probe(LibrarySearch, boolean)} for this process; other operating systems are left to JCuda. */
    public static java.util.Optional<String> probe() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return java.util.Optional.empty();
        }
        boolean node = Files.exists(Path.of("/dev/nvidiactl")) || Files.exists(Path.of("/dev/nvidia0"));
        return probe(LibrarySearch.ofThisProcess(), node);
    }
}
