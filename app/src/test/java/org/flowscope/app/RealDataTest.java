package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscope.core.io.TiffStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.average.AverageCpu;
import org.flowscope.methods.average.AverageWindow;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real recordings from ../shared/data/real (skipped when absent). */
class RealDataTest {
    @TempDir
    Path dir;

    @Test
    void replaysAndAveragesARealDnaPaintRecording() throws Exception {
        Path input = ReferenceData.sharedOrSkip("data/real/picasso-dnapaint-sim/picasso_testdata_100x32x32.tif");
        TiffStack in = TiffStacks.read(input);
        assertEquals(100, in.stack().frames());
        assertEquals(160.0, in.metadata().pixelSizeNm().getAsDouble(), 1e-6);
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run("live", "--source", "replay:" + input, "--fps", "0", "--window", "25",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        TiffStack result = TiffStacks.read(out.resolve("result.tif"));
        assertEquals(4, result.stack().frames());
        assertEquals(160.0, result.metadata().pixelSizeNm().getAsDouble(), 1e-6);
        float[] expected = AverageCpu.mean(in.stack().frames(75, 100)).data();
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], result.stack().frame(3).data()[i], 1e-3);
        }
    }

    @Test
    void rejectsARealTwoChannelStackNamingTheChannels() {
        Path input = ReferenceData.sharedOrSkip("data/real/nanopyx-beads-2ch/beads_2ch_red_green_2x128x128.tif");
        Path output = dir.resolve("avg.tif");
        CliRunner.Result r = CliRunner.run("process", "average", "--input", input.toString(), "--output", output.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains("channels=2"), r.err());
        assertFalse(Files.exists(output));
    }
}
