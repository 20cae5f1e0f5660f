package org.flowscope.engine.opencl;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.flowscope.engine.natives.ElfTarget;
import org.flowscope.engine.natives.LibrarySearch;
import org.flowscope.engine.natives.NativeErrors;
import org.flowscope.engine.natives.SonameAlias;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the OpenCL ICD loader ready for JOCL before JOCL initialises. JOCL 2.0.5 opens the unversioned
 * {@code libOpenCL.so} (installed only by the development package {@code ocl-icd-opencl-dev}) and, when that fails,
 * its native code prints "Could not load libOpenCL.so" on the process's standard output, breaking {@code --json}
 * output, after which the JOCL classes are unusable for the life of the JVM. So the loader is looked for first, the
 * way the dynamic linker would ({@link LibrarySearch}):
 * <ul>
 *   <li>{@code libOpenCL.so} loadable: JOCL opens it itself;</li>
 *   <li>only {@code libOpenCL.so.1} (what {@code ocl-icd-libopencl1} and drivers install): an alias named
 *       {@code libOpenCL.so} is loaded first ({@link SonameAlias}), so JOCL's open finds it;</li>
 *   <li>neither, or a broken file: JOCL is never touched and the reason says what to install.</li>
 * </ul>
 * Other operating systems load the way JOCL expects and are not probed.
 */
public final class OpenClLibrary {
    static final String UNVERSIONED = "libOpenCL.so";
    static final String VERSIONED = "libOpenCL.so.1";
    /** What to install when there is no loader, in Debian package names. */
    public static final String INSTALL_LOADER = "install an OpenCL loader and a driver: Debian packages ocl-icd-libopencl1 "
            + "and pocl-opencl-icd (runs on the CPU), or the NVIDIA driver with nvidia-opencl-icd (NVIDIA GPUs)";
    /** What to install when the loader finds no platform. */
    public static final String INSTALL_DRIVER = "install an OpenCL driver (ICD) registered in /etc/OpenCL/vendors: Debian "
            + "package pocl-opencl-icd (runs on the CPU), or nvidia-opencl-icd with the NVIDIA driver (NVIDIA GPUs)";
    private static final Logger LOG = LoggerFactory.getLogger(OpenClLibrary.class);

    /**
     * The outcome for this JVM. Native libraries are loaded once per process and JOCL's initialisation cannot be
     * repeated, so it is decided once and kept here (the one piece of per-process state of this module).
     */
    private static Status prepared;

    /** How JOCL will reach the loader. */
    enum Route {
        /** JOCL's own {@code dlopen("libOpenCL.so")} will find a loadable library */
        DIRECT,
        /** only the versioned library: alias it under the unversioned name first */
        ALIAS,
        /** no usable loader: do not initialise JOCL */
        MISSING
    }

    /**
     * The decision for one search.
     *
     * @param route   how JOCL will reach the loader
     * @param library the loader file (empty when missing)
     * @param reason  for {@link Route#MISSING}, what was looked for and where
     */
    record Plan(Route route, Optional<Path> library, String reason) {
        Plan {
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Whether JOCL may be initialised, and if not why.
     *
     * @param ready   JOCL can initialise
     * @param library the loader JOCL will use, when known
     * @param reason  why not, empty when ready
     */
    public record Status(boolean ready, Optional<Path> library, String reason) {
    }

    private OpenClLibrary() {
    }

    /** Decides how JOCL reaches the loader; {@code canAlias}: whether aliases can be built for this machine. */
    static Plan plan(LibrarySearch search, boolean canAlias) {
        LibrarySearch.Lookup direct = search.find(UNVERSIONED);
        if (direct.found().isPresent()) {
            return new Plan(Route.DIRECT, direct.found(), "");
        }
        LibrarySearch.Lookup versioned = search.find(VERSIONED);
        if (versioned.found().isPresent()) {
            return canAlias ? new Plan(Route.ALIAS, versioned.found(), "")
                    : new Plan(Route.MISSING, Optional.empty(), "only " + versioned.describe() + " and no " + UNVERSIONED
                            + ", which JOCL opens (aliasing is not supported on this machine)");
        }
        return new Plan(Route.MISSING, Optional.empty(), "no OpenCL loader: " + direct.describe() + ", " + versioned.describe()
                + " (searched " + search.describe() + ")");
    }

    /**
     * Makes JOCL initialisable if this machine has an OpenCL loader; call before the first use of any JOCL class.
     * Idempotent: the first call decides for the whole JVM.
     */
    public static synchronized Status prepare() {
        if (prepared == null) {
            prepared = decide();
        }
        return prepared;
    }

    private static Status decide() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return new Status(true, Optional.empty(), "");
        }
        ElfTarget target = ElfTarget.host();
        Plan plan = plan(LibrarySearch.ofThisProcess(), SonameAlias.supports(target));
        switch (plan.route()) {
            case DIRECT:
                return new Status(true, plan.library(), "");
            case ALIAS:
                Path library = plan.library().orElseThrow();
                try {
                    SonameAlias.load(UNVERSIONED, library.toAbsolutePath(), target);
                    LOG.debug("OpenCL loader {} made available as {}", library, UNVERSIONED);
                    return new Status(true, plan.library(), "");
                } catch (UnsatisfiedLinkError | RuntimeException e) {
                    String why = NativeErrors.concise(e);
                    LOG.debug("aliasing the OpenCL loader {} failed: {}", library, why);
                    return new Status(false, plan.library(), "the OpenCL loader " + library + " could not be loaded: " + why);
                }
            default:
                LOG.debug("OpenCL unavailable: {}", plan.reason());
                return new Status(false, Optional.empty(), plan.reason());
        }
    }
}
