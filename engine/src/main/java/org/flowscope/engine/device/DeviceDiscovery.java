package org.flowscope.engine.device;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;
import org.flowscope.engine.natives.NativeErrors;
import org.flowscope.engine.spi.BackendDiscovery;
import org.flowscope.engine.spi.BackendProvider;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the CPU and, through the {@link BackendProvider}s on the class path, the OpenCL and CUDA devices. A backend
 * whose module is absent, whose native library or driver is missing, or that reports no device is unavailable with
 * the reason and, where known, what to install; discovery itself never fails because of it, and nothing is printed
 * (failures are logged at debug level, one line, no stack trace).
 */
public final class DeviceDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDiscovery.class);

    private DeviceDiscovery() {
    }

    /**
     * Every backend probed now.
     *
     * @param cpuCores worker threads for the CPU device; 0 means all available processors
     * @param openCl   whether to probe OpenCL
     * @param cuda     whether to probe CUDA
     */
    public static DeviceSet discover(int cpuCores, boolean openCl, boolean cuda) {
        DeviceSet set = lazy(cpuCores, openCl, cuda);
        set.backends();
        return set;
    }

    /**
     * The CPU now, each GPU backend when a device of its kind is first asked for: the engine uses this so that a run
     * restricted to the CPU, or a command that computes nothing, loads no GPU library.
     */
    public static DeviceSet lazy(int cpuCores, boolean openCl, boolean cuda) {
        CpuDevice cpu = cpuCores == 0 ? CpuDevice.create() : CpuDevice.withCores(cpuCores);
        List<DeviceSet.Found> ready = List.of(new DeviceSet.Found(List.of(cpu), new BackendStatus(DeviceKind.CPU, 1, "")));
        Providers providers = new Providers(Thread.currentThread().getContextClassLoader());
        Map<DeviceKind, Supplier<DeviceSet.Found>> later = new EnumMap<>(DeviceKind.class);
        later.put(DeviceKind.OPENCL, () -> probe(DeviceKind.OPENCL, openCl, providers));
        later.put(DeviceKind.CUDA, () -> probe(DeviceKind.CUDA, cuda, providers));
        return DeviceSet.lazy(ready, later);
    }

    /**
     * The device kinds whose backend is on {@code loader}'s class path: the CPU always, OpenCL and CUDA when their
     * module's {@link BackendProvider} is declared there. Loads the providers but probes nothing.
     */
    public static Set<DeviceKind> backendsOnClassPath(ClassLoader loader) {
        Set<DeviceKind> kinds = EnumSet.of(DeviceKind.CPU);
        Providers providers = new Providers(loader);
        for (DeviceKind kind : DeviceKind.values()) {
            if (providers.forKind(kind) != null) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static DeviceSet.Found probe(DeviceKind kind, boolean enabled, Providers providers) {
        String name = displayName(kind);
        if (!enabled) {
            return none(kind, name + " disabled by configuration", "");
        }
        BackendProvider provider = providers.forKind(kind);
        if (provider == null) {
            String problems = providers.problems.isEmpty() ? "" : " (" + String.join("; ", providers.problems) + ")";
            return none(kind, name + " backend not on the class path" + problems, "add the " + moduleName(kind)
                    + " module (org.flowscope:" + moduleName(kind) + ") and its dependencies to the class path");
        }
        try {
            BackendDiscovery found = provider.discover();
            if (found.devices().isEmpty()) {
                String reason = found.reason().isEmpty() ? name + " reports no device" : found.reason();
                LOG.debug("{} unavailable: {}", name, reason);
                return none(kind, reason, found.remedy());
            }
            return new DeviceSet.Found(found.devices(), new BackendStatus(kind, found.devices().size(), ""));
        } catch (LinkageError e) {
            LOG.debug("{} unavailable, its binding did not link: {}", name, NativeErrors.concise(e));
            return none(kind, name + " binding could not be loaded: " + NativeErrors.concise(e), "add the "
                    + moduleName(kind) + " module's dependencies (" + (kind == DeviceKind.OPENCL ? "org.jocl:jocl"
                    : "org.jcuda:jcuda and org.jcuda:jcuda-natives") + ") to the class path");
        } catch (RuntimeException e) {
            LOG.debug("{} unavailable: {}", name, NativeErrors.concise(e));
            return none(kind, name + " unavailable: " + NativeErrors.concise(e), "");
        }
    }

    private static DeviceSet.Found none(DeviceKind kind, String reason, String remedy) {
        return new DeviceSet.Found(List.of(), new BackendStatus(kind, 0, reason, remedy));
    }

    static String displayName(DeviceKind kind) {
        return switch (kind) {
            case CPU -> "CPU";
            case OPENCL -> "OpenCL";
            case CUDA -> "CUDA";
        };
    }

    private static String moduleName(DeviceKind kind) {
        return "engine-" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The providers on the class path, loaded once per device set, on the first GPU probe. */
    private static final class Providers {
        private final ClassLoader loader;
        private List<BackendProvider> loaded;
        private final List<String> problems = new ArrayList<>();

        Providers(ClassLoader loader) {
            this.loader = loader != null ? loader : DeviceDiscovery.class.getClassLoader();
        }

        synchronized BackendProvider forKind(DeviceKind kind) {
            if (loaded == null) {
                loaded = load();
            }
            return loaded.stream().filter(p -> p.kind() == kind).findFirst().orElse(null);
        }

        private List<BackendProvider> load() {
            Iterator<BackendProvider> it = ServiceLoader.load(BackendProvider.class, loader).iterator();
            List<BackendProvider> out = new ArrayList<>();
            // the iterator moves on after a provider that fails; the bound guards against one that does not
            for (int errors = 0; errors < 100; ) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    out.add(it.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    errors++;
                    problems.add(NativeErrors.concise(e));
                    LOG.debug("a backend provider could not be loaded: {}", NativeErrors.concise(e));
                }
            }
            return out;
        }
    }
}
