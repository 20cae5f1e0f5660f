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
    void theResearchHarnessesAreNotUserCommands() {
        for (String harness : new String[] {"contention", "regret", "esrrf-proof"}) {
            Run r = cli("engine", harness);
            assertEquals(2, r.code(), harness + ": " + r.out() + r.err());
        }
    }
}
