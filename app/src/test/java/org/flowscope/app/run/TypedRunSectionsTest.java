package org.flowscope.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscope.adapters.net.ServedFrameSource;
import org.flowscope.adapters.net.ServiceStats;
import org.flowscope.adapters.replay.ReplaySource;
import org.flowscope.methods.spi.WindowTally;
import org.flowscope.methods.srrf.SrrfWindowOperator;
import org.junit.jupiter.api.Test;

/**
 * Sections given as records keep the run.json keys that the report and outside readers know: a flattened part
 * ({@code @JsonUnwrapped}) adds its keys to the section, and an absent optional value leaves its key out.
 */
class TypedRunSectionsTest {
    private static List<String> keys(Object section) {
        JsonNode n = RunReportFile.tree(section);
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void aServedSectionListsTheClientFiguresAtItsOwnLevel() {
        var section = new ServedFrameSource.Section("127.0.0.1:7370", false, 1, new ServiceStats(2, 1, 30, 3000, 0, 1, 0, 0, 0));
        assertEquals(List.of("address", "tokenRequired", "protocolVersion", "clientsAccepted", "clientsRejected",
                "framesAccepted", "bytesAccepted", "framesRefused", "incompleteFrames", "protocolErrors",
                "droppedConnections", "idleTimeouts"), keys(section));
        assertEquals(30, RunReportFile.tree(section).get("framesAccepted").asLong());
    }

    @Test
    void aReplaySectionLeavesOutAnUnknownPixelSizeButKeepsANullRate() {
        var section = new ReplaySource.Section("a.tif", "tiff", null, 25.0, "fast", null, 5, 5, "u16");
        List<String> k = keys(section);
        assertEquals(List.of("file", "format", "frameIntervalMs", "rate", "fps", "framesInFile", "framesDelivered",
                "pixelType"), k);
        assertEquals(true, RunReportFile.tree(section).get("fps").isNull());
    }

    @Test
    void aSrrfSectionFlattensItsWindowFigures() {
        WindowTally tally = new WindowTally("srrf");
        tally.record("srrf.cpu", 4_000_000);
        tally.record("srrf.cpu", 2_000_000);
        var section = new SrrfWindowOperator.Section(5, 0.5f, 0, "AVG", true, true, true, "CENTRED",
                tally.stats("auto"));
        JsonNode n = RunReportFile.tree(section);
        assertEquals(List.of("magnification", "ringRadius", "border", "temporal", "positivityConstraint",
                "intensityWeighting", "macroPixelCorrection", "geometry", "backend", "windows", "meanMsPerWindow",
                "windowsByImplementation"), keys(section));
        assertEquals(2, n.get("windows").asLong());
        assertEquals(3.0, n.get("meanMsPerWindow").asDouble(), 1e-9);
        assertEquals(Map.of("srrf.cpu", 2L), Map.of("srrf.cpu", n.get("windowsByImplementation").get("srrf.cpu").asLong()));
        assertEquals("srrf.cpu 2 ms", tally.progressFields().get("srrf"));
    }
}
