package org.flowscope.app.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscope.app.FlowscopeCli;

/** The software versions and the machine of a run, as recorded in {@code run.json}. */
public final class MachineInfo {
    private MachineInfo() {
    }

    /** flowscope, Java, OS, cores, Reactor. */
    public static RunReport.Versions versions() {
        return new RunReport.Versions(FlowscopeCli.Version.version(), System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(),
                String.valueOf(reactor.core.publisher.Flux.class.getPackage().getImplementationVersion()));
    }

    /** Host, OS, CPU model, cores, physical memory and heap limit. */
    public static RunReport.Machine machine() {
        return new RunReport.Machine(host(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), cpuModel(), Runtime.getRuntime().availableProcessors(), physicalMemory(),
                Runtime.getRuntime().maxMemory());
    }

    private static String host() {
        // not InetAddress.getLocalHost(): it may wait seconds for a name service on a lab machine without one
        for (String f : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
            try {
                String name = Files.readString(Path.of(f)).trim();
                if (!name.isEmpty()) {
                    return name;
                }
            } catch (IOException | RuntimeException e) {
                // try the next place
            }
        }
        for (String env : List.of("HOSTNAME", "COMPUTERNAME")) {
            String name = System.getenv(env);
            if (name != null && !name.isBlank()) {
                return name;
            }
        }
        return "unknown";
    }

    private static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try {
                List<String> lines = Files.readAllLines(info);
                for (String l : lines) {
                    if (l.startsWith("model name") && l.contains(":")) {
                        return l.substring(l.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or restricted: the model is a nicety
            }
        }
        return System.getProperty("os.arch");
    }

    private static long physicalMemory() {
        // the com.sun extension is present on every JDK we ship, but not guaranteed: fall back to unknown
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
