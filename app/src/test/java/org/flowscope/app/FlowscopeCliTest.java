package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowscopeCliTest {
    @TempDir
    Path dir;

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRunner.Result r = CliRunner.run("--help");
        assertEquals(0, r.exitCode(), r.toString());
        for (String s : new String[] {"simulate", "live", "process", "engine", "Exit codes", "bad input"}) {
            assertTrue(r.out().contains(s), "help lacks " + s + ": " + r.out());
        }
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Result r = CliRunner.run("process", "average", "--bogus");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
    }

    @Test
    void processAverageWritesOneFramePerTimePointWithJsonResult() throws Exception {
        ImageStack s = ImageStack.zeros(5, 3, 4);
        for (int f = 0; f < 5; f++) {
            for (int i = 0; i < 12; i++) {
                s.data()[f * 12 + i] = f * 10 + i;
            }
        }
        Path in = dir.resolve("in.tif");
        TiffStacks.writeU16(in, s, StackMetadata.of(PixelType.U16, 100, 20));
        Path outFile = dir.resolve("avg.tif");
        CliRunner.Result r = CliRunner.run("process", "average", "--input", in.toString(), "--output",
                outFile.toString(), "--frames-per-timepoint", "2", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode json = CliOutput.mapper().readTree(r.out());
        assertTrue(json.get("ok").asBoolean());
        assertEquals(3, json.get("outputFrames").asInt());
        TiffStack back = TiffStacks.read(outFile);
        assertEquals(3, back.stack().frames());
        assertEquals(5 + 7, back.stack().get(0, 1, 3), 1e-6); // mean of 0*10+7 and 1*10+7
        assertEquals(40 + 7, back.stack().get(2, 1, 3), 1e-6); // last block holds frame 4 only
        assertEquals(100.0, back.metadata().pixelSizeNm().getAsDouble(), 1e-6);
        assertEquals(40.0, back.metadata().frameIntervalMs().getAsDouble(), 1e-9);
    }
}
