package org.flowscope.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.source.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportFileTest {
    @TempDir
    Path dir;

    /** A contributor's own section type, as a stage would return it. */
    record Trace(String reference, List<Double> dx) {
    }

    private static RunSummary summary() {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("drift", new Trace("first-window", List.of(0.5, 1.25)));
        sections.put("camera", Map.of("kind", "simulated"));
        sections.put("status", Map.of("clash", true));
        Map<String, Map<String, Object>> timings = new LinkedHashMap<>();
        timings.put("average", Map.of("count", 4, "totalMs", 8.0, "meanMs", 2.0, "minMs", 1.0, "p50Ms", 2.0, "p95Ms", 3.0,
                "maxMs", 3.5));
        return new RunSummary(60, 600, Map.of("ingest.frames", 60L, "analysis.skipped", 2L), timings, sections,
                Map.of("capacity", 128, "waits", 3, "outstanding", 0), Map.of());
    }

    private static RunRecorder recorder() {
        RunRecorder r = new RunRecorder(Instant.parse("2026-01-02T03:04:05Z"), List.of("live", "--op", "average"));
        r.inputs("sim", new SourceFormat(32, 24, PixelType.U16, OptionalLong.of(60), OptionalDouble.of(100), OptionalDouble.empty()));
        r.parameters(new RunReport.LiveParameters(20, 10, "average", List.of("average"), "lag", 4, null, 60L, true, null));
        return r;
    }

    @Test
    void aCompletedRunIsReadBackAsTheSameRecordWithContributorSectionsAtTheTopLevel() throws Exception {
        RunReport written = recorder().completed(summary(), new RunReport.Outputs("out/result.tif", 5, null, Map.of(),
                "out/run.json", "out/report.html", "tiff"), List.of());
        Path file = dir.resolve("run.json");
        RunReportFile.write(file, written);

        JsonNode tree = RunReportFile.mapper().readTree(Files.readString(file));
        assertEquals("first-window", tree.get("drift").get("reference").asText(), tree.toPrettyString());
        assertEquals("simulated", tree.get("camera").get("kind").asText());
        assertTrue(tree.get("section.status").get("clash").asBoolean(), "a section named like a key is renamed");
        assertEquals("ok", tree.get("status").asText());
        assertFalse(tree.has("sections"));
        assertEquals(60, tree.get("counters").get("ingest.frames").asLong());

        RunReport read = RunReportFile.read(file);
        assertEquals(written, read);
        assertEquals(new Trace("first-window", List.of(0.5, 1.25)), read.section("drift", Trace.class).orElseThrow());
        assertEquals(2.0, read.timings().get("average").p50Ms());
        assertEquals(128, read.pool().capacity());
        assertEquals(2, read.counter("analysis.skipped"));
        assertEquals(0, read.counter("camera.lost"));
        assertEquals(100.0, read.inputs().framesPerSecond());
        assertTrue(read.section("quality", Trace.class).isEmpty());
    }

    @Test
    void aFailedRunKeepsItsErrorAndLeavesOutWhatItNeverProduced() {
        RunReport failed = recorder().failed("camera vanished", 12.5, Map.of("camera", Map.of("lost", 7)));
        RunReport read = RunReportFile.read(write(failed));
        assertEquals(RunReport.FAILED, read.status());
        assertEquals("camera vanished", read.error());
        assertEquals(null, read.counters());
        assertEquals(7, read.sections().get("camera").get("lost").asInt());
        assertEquals(List.of("live", "--op", "average"), read.commandLine());
    }

    @Test
    void aCompletedRunWithFailuresIsRecordedAsFailed() {
        RunReport r = recorder().completed(summary(), null, List.of("mm: lost 3 frames", "quality: failed"));
        assertEquals(RunReport.FAILED, r.status());
        assertEquals("mm: lost 3 frames; quality: failed", r.error());
    }

    @Test
    void aMalformedRunJsonIsBadInputNamingTheFile() throws Exception {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"status\": [1, 2}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunReportFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RunReportFile.read(dir.resolve("nothing").resolve("run.json")));
        assertTrue(missing.getMessage().contains("no run.json"), missing.getMessage());
    }

    private Path write(RunReport r) {
        Path file = dir.resolve("run-" + System.nanoTime() + ".json");
        RunReportFile.write(file, r);
        return file;
    }
}
