package org.flowscope.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.flowscope.app.FlowscopeCli;
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

    // engine-ops commands (benchmark, conformance, contention, regret)
    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowscopeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void benchmarkChecksAndTimesEveryAvailableCandidateAndRecordsHistory(@TempDir Path store) throws Exception {
        Run r = cli("engine", "benchmark", "conv2d", "--size", "96x80", "--kernel", "5", "--warmup", "1", "--reps", "3",
                "--store", store.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("allPassed").asBoolean());
        int ok = 0;
        for (JsonNode row : j.get("results")) {
            if (row.get("status").asText().equals("OK")) {
                ok++;
                assertEquals(3, row.get("reps").asInt());
                assertTrue(row.get("medianMs").asDouble() > 0);
            }
        }
        assertTrue(ok >= 2, "cpu and cpu-threaded at least: " + r.out());
        try (var files = Files.walk(store)) {
            assertTrue(files.anyMatch(p -> p.toString().endsWith(".json")), "history written under " + store);
        }
    }

    @Test
    void benchmarkRejectsUnknownOperationsAndBadSizesAsBadInput() {
        assertEquals(3, cli("engine", "benchmark", "nosuchop").code());
        Run r = cli("engine", "benchmark", "conv2d", "--size", "12xq");
        assertEquals(3, r.code());
        assertTrue((r.out() + r.err()).contains("--size must be WxH"), r.out() + r.err());
    }

    @Test
    void conformanceReportsEveryAvailableCandidateAsPassing() throws Exception {
        Run r = cli("engine", "conformance", "conv2d", "--kernels", "1-6", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(6, j.get("cases").size());
        assertTrue(j.get("allPassed").asBoolean());
    }

    @Test
    void contentionRunsBothModesUnderCpuLoadAndWritesCsvPlotAndSummary(@TempDir Path dir) throws Exception {
        Run r = cli("engine", "contention", "--op", "conv2d", "--size", "48", "--kernel", "3", "--runs", "12",
                "--contend", "5-8", "--backend-pair", "cpu,cpu-threaded", "--warmup-runs", "2", "--load-target", "cpu",
                "--load-threads", "1", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(12, j.get("calls").asInt());
        assertTrue(j.get("gain").asDouble() > 0);
        assertTrue(j.get("load").asText().startsWith("CPU: 1 busy threads"), j.get("load").asText());
        assertEquals(13, Files.readAllLines(dir.resolve("calls.csv")).size());
        assertTrue(Files.size(dir.resolve("plot.png")) > 1000);
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }

    @Test
    void regretComparesChoicesWithTheOracleOnAMixedWorkload(@TempDir Path dir) throws Exception {
        Run r = cli("engine", "regret", "--sizes", "16,32", "--kernels", "3", "--calls", "10", "--warmup", "2",
                "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("regret").asDouble() >= 1.0, r.out());
        assertEquals(11, Files.readAllLines(dir.resolve("regret.csv")).size());
    }

    @Test
    void contentionRejectsAContendRangeOutsideTheRuns() {
        Run r = cli("engine", "contention", "--runs", "10", "--contend", "5-20", "--size", "8");
        assertEquals(3, r.code(), r.out() + r.err());
    }

    @Test
    void candidateSelectorsParseBackendsIdsAndDevices() {
        assertEquals("CPU_THREADED", CandidateSelector.parse("cpu-threaded").backend().orElseThrow().name());
        assertEquals("conv2d.opencl", CandidateSelector.parse("conv2d.opencl@pthread").implementation().orElseThrow());
        assertEquals("pthread", CandidateSelector.parse("conv2d.opencl@pthread").device().orElseThrow());
        assertEquals(3, cliCode(() -> CandidateSelector.parse("gpu")));
    }

    private static int cliCode(Runnable r) {
        try {
            r.run();
            return 0;
        } catch (IllegalArgumentException e) {
            return 3;
        }
    }
}
