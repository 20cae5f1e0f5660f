package org.flowscope.app.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.flowscope.app.CliRunner;
import org.flowscope.app.ExitCodes;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.io.TiffWriteOptions;
import org.flowscope.core.testing.TiffBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed or unusual TIFF inputs through the CLI: exit 3, a message naming the problem and the file, no hang. */
class BadTiffInputTest {
    @TempDir
    Path dir;

    private CliRunner.Result average(Path input) {
        Path output = dir.resolve("avg.tif");
        CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRunner.run("process", "average", "--input", input.toString(), "--output", output.toString()));
        if (r.exitCode() != 0) {
            assertFalse(Files.exists(output));
            assertFalse(Files.exists(TiffStacks.partialPath(output)));
        }
        return r;
    }

    private void assertRejected(Path input, String... fragments) {
        CliRunner.Result r = average(input);
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.toString());
        assertTrue(r.err().contains(input.getFileName().toString()), r.err());
        for (String f : fragments) {
            assertTrue(r.err().contains(f), "stderr lacks '" + f + "': " + r.err());
        }
    }

    @Test
    void aTiffWhoseDirectoryPointsToItselfFailsInsteadOfHanging() throws IOException {
        TiffBuilder b = new TiffBuilder();
        b.page(4, 4, 16, 1).strips(new byte[32]).nextOverride(TiffBuilder.SELF);
        assertRejected(b.write(dir.resolve("loop.tif")), "loop in the directory chain");
    }

    @Test
    void randomBytesAndTextAreNotATiffFileRatherThanTruncated() throws IOException {
        byte[] noise = new byte[10_000];
        new Random(7).nextBytes(noise);
        noise[0] = 0x17;
        assertRejected(Files.write(dir.resolve("noise.tif"), noise), "not a TIFF file");
        assertRejected(Files.writeString(dir.resolve("notes.tif"), "lab notes\n".repeat(50)), "not a TIFF file");
    }

    @Test
    void uint32AndTiledInputsAreNamed() throws IOException {
        TiffBuilder b = new TiffBuilder();
        b.page(4, 4, 32, 1).strips(new byte[64]);
        assertRejected(b.write(dir.resolve("u32.tif")), "unsupported pixel type uint32");
        b = new TiffBuilder();
        b.page(16, 16, 8, 1).tag(322, 3, 16).tag(323, 3, 16).tag(324, 4, 8).tag(325, 4, 256);
        assertRejected(b.write(dir.resolve("tiles.tif")), "tiled TIFF (tiles of 16x16 pixels)");
    }

    @Test
    void aBigTiffInputIsRead() {
        Path big = dir.resolve("big.tif");
        ImageStack s = ImageStack.zeros(4, 8, 8);
        java.util.Arrays.fill(s.data(), 3f);
        TiffStacks.write(big, s, StackMetadata.of(PixelType.U16, 100, 10), PixelType.U16,
                TiffWriteOptions.defaults().withBigTiff(TiffWriteOptions.BigTiff.ALWAYS));
        CliRunner.Result r = average(big);
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(3f, TiffStacks.read(dir.resolve("avg.tif")).stack().get(0, 5, 5), 0);
    }
}
