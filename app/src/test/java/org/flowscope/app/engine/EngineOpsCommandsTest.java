package org.flowscope.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.app.FlowscopeCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineOpsCommandsTest {
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

    @Test
    void selectorsSayWhichBackendsTheyNeed() {
        assertTrue(CandidateSelector.parse("cuda").needs(org.flowscope.engine.spi.Backend.CUDA));
        assertTrue(CandidateSelector.parse("conv2d.opencl@nvidia").needs(org.flowscope.engine.spi.Backend.OPENCL));
        assertTrue(!CandidateSelector.parse("cpu-threaded").needs(org.flowscope.engine.spi.Backend.OPENCL));
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
