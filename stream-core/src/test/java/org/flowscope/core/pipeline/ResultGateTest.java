package org.flowscope.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.sink.TiffResultSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultGateTest {
    @TempDir
    Path dir;

    private static ImageStack image(float value) {
        float[] px = new float[4 * 3];
        java.util.Arrays.fill(px, value);
        return new ImageStack(1, 3, 4, px);
    }

    private static WindowContext window(long index) {
        return new WindowContext(index, index * 10, index * 10 + 9, 0, 0, java.util.OptionalDouble.empty());
    }

    private List<String> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aResultOfferedAfterTheGateWasAbortedIsRefusedAndCreatesNoFile() throws IOException {
        ResultGate gate = new ResultGate(new TiffResultSink(dir.resolve("result.tif"), 100, 0));
        assertTrue(gate.offer(image(1), window(0)));
        assertEquals(List.of("result.tif.partial"), files());
        gate.abort();
        assertEquals(List.of(), files());
        // an analysis thread that was still computing window 1 when the run aborted
        assertFalse(gate.offer(image(2), window(1)));
        gate.write(image(3), window(2));
        gate.abort();
        assertEquals(List.of(), files(), "no new result.tif.partial after the abort");
        assertEquals(1, gate.written());
        assertEquals(2, gate.refused());
    }

    @Test
    void aResultOfferedAfterTheGateWasFinishedIsRefusedAndLeavesTheCommittedFileAsItWas() throws IOException {
        ResultGate gate = new ResultGate(new TiffResultSink(dir.resolve("result.tif"), 100, 0));
        assertTrue(gate.offer(image(1), window(0)));
        gate.finish();
        assertFalse(gate.offer(image(2), window(1)));
        assertEquals(List.of("result.tif"), files());
        assertEquals(1, TiffStacks.read(dir.resolve("result.tif")).stack().frames());
    }
}
