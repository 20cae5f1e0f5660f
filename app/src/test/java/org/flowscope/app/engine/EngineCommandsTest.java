package org.flowscope.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.flowscope.engine.history.BenchmarkKey;
import org.flowscope.engine.history.JsonBenchmarkStore;
import org.flowscope.engine.history.Sample;
import org.flowscope.engine.spi.DeviceIdentity;
import org.flowscope.engine.spi.DeviceKind;
import org.flowscope.engine.spi.WorkShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EngineCommandsTest {
    @TempDir
    Path store;

    private String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(args);
        assertEquals(0, code, out.toString());
        return out.toString();
    }

    @Test
    void devicesListsEveryBackendWithAReasonWhenUnavailable() {
        String text = run(new EngineDevicesCommand(), "--store", store.toString(), "--no-cuda");
        assertTrue(text.contains("CPU     1 device(s)"), text);
        assertTrue(text.contains("CUDA    unavailable: CUDA disabled by configuration"), text);
        assertTrue(text.contains("OPENCL"), text);
    }

    @Test
    void devicesAsJson() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(run(new EngineDevicesCommand(), "--store", store.toString(), "--no-opencl", "--json"));
        assertEquals(3, doc.get("backends").size());
        assertEquals("CPU", doc.get("devices").get(0).get("kind").asText());
        assertTrue(doc.get("backends").get(1).get("reason").asText().contains("disabled"));
    }

    @Test
    void historyShowsMediansPerImplementationDeviceAndShape() throws Exception {
        var device = new DeviceIdentity(DeviceKind.OPENCL, "NVIDIA Corporation", "Test GPU", "1", 1L << 34, 132);
        var shape = new WorkShape("conv2d", List.of(1, 512, 512), "f32", new TreeMap<>(java.util.Map.of("kernel", "9")));
        try (var s = new JsonBenchmarkStore(store, 100, Duration.ofHours(1))) {
            for (double t : new double[] {0.002, 0.003, 0.004}) {
                s.record(new BenchmarkKey("conv2d", "conv2d.opencl", device, shape, "test"), 2.1e7, new Sample(t, 1, false));
            }
            s.record(new BenchmarkKey("other", "other.cpu", device, shape, "test"), 1, new Sample(1, 1, false));
        }
        String text = run(new EngineHistoryCommand(), "--store", store.toString(), "--op", "conv2d");
        assertTrue(text.contains("conv2d.opencl") && text.contains("3.000") && text.contains("[1, 512, 512]"), text);
        assertTrue(!text.contains("other.cpu"), text);
        JsonNode doc = new ObjectMapper().readTree(run(new EngineHistoryCommand(), "--store", store.toString(), "--json"));
        assertTrue(doc.get("ok").asBoolean());
        assertEquals(2, doc.get("histories").size());
        assertEquals(3, doc.get("histories").get(0).get("samples").asInt() + doc.get("histories").get(1).get("samples").asInt() - 1);
        Path priors = store.resolve("priors/engine-priors.json");
        run(new EngineHistoryCommand(), "--store", store.toString(), "--op", "conv2d", "--export-priors", priors.toString());
        var loaded = org.flowscope.engine.history.FactoryPriors.of(
                new ObjectMapper().readValue(priors.toFile(), org.flowscope.engine.history.HistoryFile.class).histories());
        assertEquals(3, loaded.series("conv2d", "conv2d.opencl", device).histories().get(0).samples().size());
    }

    @Test
    void reachableThroughTheFlowscopeCommand() {
        var r = org.flowscope.app.CliRunner.run("engine", "devices", "--store", store.toString(), "--no-opencl", "--no-cuda");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("OPENCL  unavailable: OpenCL disabled by configuration"), r.toString());
        var h = org.flowscope.app.CliRunner.run("engine", "history", "--store", store.toString(), "--op", "nothing");
        assertEquals(0, h.exitCode(), h.toString());
        assertTrue(h.out().contains("no history for operation 'nothing'"), h.toString());
    }

    @Test
    void badDetectorIsAUsageErrorNamingTheValue() {
        var r = org.flowscope.app.CliRunner.run("engine", "devices", "--detector", "fuzzy", "--no-opencl", "--no-cuda");
        assertTrue(r.exitCode() != 0, r.toString());
        assertTrue(r.err().contains("fuzzy"), r.toString());
    }

    @Test
    void emptyHistorySaysSo() {
        assertTrue(run(new EngineHistoryCommand(), "--store", store.toString()).contains("no history"));
    }
}
