package org.flowscope.app.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.engine.CandidateStatus;
import org.flowscope.engine.Engine;
import org.flowscope.engine.device.BackendStatus;
import org.flowscope.engine.opencl.OpenClDevice;
import org.flowscope.engine.spi.Device;
import org.flowscope.engine.spi.DeviceIdentity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code flowscope engine devices}: each backend with its devices or the reason it has none, and each implementation's availability. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List backends (CPU, OpenCL, CUDA) with their devices, or why they are unavailable, and where each implementation can run.")
public final class EngineDevicesCommand implements Callable<Integer> {
    @Mixin
    EngineOptions engineOptions;

    @Mixin
    CliOutput out;

    @Override
    public Integer call() {
        try (Engine engine = Engine.create(engineOptions.config().withStoreDir(null).withPriors(false))) {
            List<CandidateStatus> implementations = new ArrayList<>();
            for (String op : engine.registry().operations()) {
                implementations.addAll(engine.candidates(op));
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("backends", engine.backends());
            doc.put("devices", engine.devices().stream().map(Device::identity).toList());
            doc.put("implementations", implementations.stream().map(EngineDevicesCommand::row).toList());
            doc.put("notLoaded", engine.registry().problems());
            StringWriter text = new StringWriter();
            print(engine, implementations, new PrintWriter(text));
            out.result(doc, text.toString().stripTrailing());
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> row(CandidateStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.info().id());
        m.put("operation", s.info().operation());
        m.put("backend", s.info().backend());
        m.put("precision", s.info().precision());
        m.put("device", s.device().map(DeviceIdentity::label).orElse(null));
        m.put("available", s.availability().available());
        m.put("reason", s.availability().reason());
        return m;
    }

    private static void print(Engine engine, List<CandidateStatus> implementations, PrintWriter out) {
        for (BackendStatus b : engine.backends()) {
            out.printf(Locale.ROOT, "%-7s %s%n", b.kind(), b.available() ? b.devices() + " device(s)" : "unavailable: " + b.reason());
            if (!b.available() && !b.remedy().isEmpty()) {
                out.printf(Locale.ROOT, "        to use it: %s%n", b.remedy());
            }
            for (Device d : engine.devices()) {
                if (d.kind() != b.kind()) {
                    continue;
                }
                DeviceIdentity id = d.identity();
                out.printf(Locale.ROOT, "  - %s | vendor %s | driver %s | memory %.1f GiB | %d compute units%s%n", id.model(),
                        id.vendor(), id.driver(), id.memoryBytes() / (double) (1L << 30), id.computeUnits(),
                        d instanceof OpenClDevice cl ? String.format(Locale.ROOT, " | max buffer %.1f GiB", cl.maxAllocBytes() / (double) (1L << 30)) : "");
            }
        }
        for (String problem : engine.registry().problems()) {
            out.println("not loaded: " + problem);
        }
        if (implementations.isEmpty()) {
            out.println("no implementations registered");
            return;
        }
        out.println();
        out.println("implementations:");
        for (CandidateStatus s : implementations) {
            out.printf(Locale.ROOT, "  %-24s %-13s %-5s %-50s %s%n", s.info().id(), s.info().backend(), s.info().precision(),
                    s.device().map(DeviceIdentity::label).orElse("-"),
                    s.availability().available() ? "available" : "unavailable: " + s.availability().reason());
        }
        out.flush();
    }
}
