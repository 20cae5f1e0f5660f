package org.flowscope.engine.opencl;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.device.BackendStatus;
import org.flowscope.engine.natives.ElfTarget;
import org.flowscope.engine.natives.LibrarySearch;
import org.flowscope.engine.natives.SonameAlias;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.DeviceKind;

/**
 * Run in a child JVM by {@link OpenClLoaderProcessTest}: a CPU run, then OpenCL discovery and, with a device, one
 * kernel run; writes what happened to the file {@code args[0]} and prints nothing itself.
 */
public final class OpenClProbeMain {
    private OpenClProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties report = new Properties();
        report.setProperty("route", OpenClLibrary.plan(LibrarySearch.ofThisProcess(), SonameAlias.supports(ElfTarget.host())).route().name());
        var registry = ImplementationRegistry.ofImplementations(List.of(new TestScale.Reference(), new ScaleOpenCl()));
        try (Engine engine = Engine.create(EngineConfig.inMemory().withCuda(false).withRegistry(registry))) {
            float[] cpu = engine.run(new TestScale(), 3f, new float[] {1, 2}, RunOptions.deviceKind(DeviceKind.CPU));
            report.setProperty("cpu", Arrays.toString(cpu));
            BackendStatus cl = engine.backends().stream().filter(b -> b.kind() == DeviceKind.OPENCL).findFirst().orElseThrow();
            report.setProperty("devices", Integer.toString(cl.devices()));
            report.setProperty("reason", cl.reason());
            report.setProperty("remedy", cl.remedy());
            if (cl.available()) {
                float[] gpu = engine.run(new TestScale(), 2f, new float[] {1, 2, 3}, RunOptions.implementation("test.scale.opencl"));
                report.setProperty("opencl", Arrays.toString(gpu));
            }
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            report.store(out, null);
        }
    }
}
