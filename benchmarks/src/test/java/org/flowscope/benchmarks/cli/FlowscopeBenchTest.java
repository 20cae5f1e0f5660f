package org.flowscope.benchmarks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscope.benchmarks.contention.CandidateSelector;
import org.flowscope.engine.spi.Backend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowscopeBenchTest {
    private record Run(int code, String out, String err) {
    }

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowscopeBench.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void contentionRunsEngineOnOffAndEachForcedCandidateUnderCpuLoadAndReportsTheOracle(@TempDir Path dir) throws Exception {
        Run r = bench("contention", "--op", "conv2d", "--size", "48", "--kernel", "3", "--runs", "12",
                "--contend", "5-8", "--backend-pair", "cpu,cpu-threaded", "--warmup-runs", "2", "--load-target", "cpu",
                "--load-threads", "1", "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(12, j.get("calls").asInt());
        assertTrue(j.get("gain").asDouble() > 0);
        assertTrue(j.get("load").asText().startsWith("CPU: 1 busy threads"), j.get("load").asText());
        List<String> csv = Files.readAllLines(dir.resolve("calls.csv"));
        assertEquals(13, csv.size());
        double oracleSum = 0;
        for (String row : csv.subList(1, csv.size())) {
            String[] f = row.split(",");
            double oracle = Double.parseDouble(f[7]);
            // the oracle is the faster of the forced runs, engine off (the initial candidate forced) among them
            assertTrue(oracle <= Double.parseDouble(f[5]), row);
            oracleSum += oracle;
        }
        assertEquals(oracleSum / 12, j.get("meanOracleMs").asDouble(), 1e-3);
        assertEquals(j.get("meanOnMs").asDouble() / j.get("meanOracleMs").asDouble(), j.get("onOverOracle").asDouble(), 1e-9);
        assertTrue(Files.size(dir.resolve("plot.png")) > 1000);
        assertTrue(Files.isDirectory(dir.resolve("store-forced-0")) || Files.isDirectory(dir.resolve("store-forced-1")),
                "the other candidate ran forced through the schedule with its own history");
        assertTrue(Files.exists(dir.resolve("summary.json")));
    }

    @Test
    void regretComparesChoicesWithTheOracleOnAMixedWorkload(@TempDir Path dir) throws Exception {
        Run r = bench("regret", "--sizes", "16,32", "--kernels", "3", "--calls", "10", "--warmup", "2",
                "--out", dir.toString(), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("regret").asDouble() >= 1.0, r.out());
        assertEquals(11, Files.readAllLines(dir.resolve("regret.csv")).size());
    }

    @Test
    void contentionRejectsAContendRangeOutsideTheRunsAsBadInput() {
        Run r = bench("contention", "--runs", "10", "--contend", "5-20", "--size", "8");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("flowscope-bench: bad input:"), r.err());
    }

    @Test
    void anUnknownCudaKernelIsAUsageErrorNamingTheAcceptedOnes() {
        Run r = bench("esrrf-proof", "--cuda-kernels", "warp");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("PLAIN, PIXEL, TILED"), r.err());
    }

    @Test
    void withoutACommandItIsAUsageError() {
        Run r = bench();
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("contention") && r.err().contains("esrrf-proof"), r.err());
    }

    @Test
    void candidateSelectorsParseBackendsIdsAndDevices() {
        assertEquals(Backend.CPU_THREADED, CandidateSelector.parse("cpu-threaded").backend().orElseThrow());
        assertEquals("conv2d.opencl", CandidateSelector.parse("conv2d.opencl@pthread").implementation().orElseThrow());
        assertEquals("pthread", CandidateSelector.parse("conv2d.opencl@pthread").device().orElseThrow());
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CandidateSelector.parse("gpu"));
        assertTrue(e.getMessage().contains("'gpu'"), e.getMessage());
    }

    @Test
    void selectorsSayWhichBackendsTheyNeed() {
        assertTrue(CandidateSelector.parse("cuda").needs(Backend.CUDA));
        assertTrue(CandidateSelector.parse("conv2d.opencl@nvidia").needs(Backend.OPENCL));
        assertTrue(!CandidateSelector.parse("cpu-threaded").needs(Backend.OPENCL));
    }
}
