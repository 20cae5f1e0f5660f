package org.flowscope.methods.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.junit.jupiter.api.Test;

/** The README's embedding example is this test's code: it compiles, runs and produces eSRRF windows. */
class ReadmeEmbeddingExampleTest {
    private static List<short[]> camera() {
        Random r = new Random(3);
        List<short[]> frames = new ArrayList<>();
        for (int t = 0; t < 40; t++) {
            short[] f = new short[64 * 64];
            for (int i = 0; i < f.length; i++) {
                f[i] = (short) (100 + r.nextInt(20));
            }
            for (int k = 0; k < 6; k++) {
                if (r.nextBoolean()) {
                    int y = 8 + 9 * k;
                    f[y * 64 + y] = (short) 2000;
                }
            }
            frames.add(f);
        }
        return frames;
    }

    @Test
    void theReadmeExampleRunsAndDeliversOneSuperResolvedImagePerWindow() throws Exception {
        List<short[]> camera = camera();
        List<ImageStack> results = new ArrayList<>();
        long analysed;
        // README example begins
        try (Engine engine = Engine.create(EngineConfig.inMemory());
             LiveRun run = LiveRun.builder(engine).push(64, 64, PixelType.U16)
                     .window(20, 10).operator("esrrf", "--magnification", "2")
                     .onResult((image, window) -> results.add(image)).start()) {
            for (short[] frame : camera) {
                run.push(frame);
            }
            analysed = run.finish().frames();
        }
        // README example ends
        assertEquals(40, analysed);
        assertEquals(3, results.size(), "windows of 20 frames every 10 frames over 40 frames");
        assertEquals(128, results.get(0).width());
    }

    @Test
    void theReadmeShowsTheExampleAsTested() throws Exception {
        Path readme = Path.of("..", "README.md");
        String source = Files.readString(Path.of("src/test/java/org/flowscope/methods/embed/ReadmeEmbeddingExampleTest.java"));
        String example = source.substring(source.indexOf("// README example begins") + 25, source.indexOf("// README example ends"));
        String code = example.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
        String doc = Files.readString(readme).lines().map(String::strip).collect(Collectors.joining("\n"));
        assertTrue(doc.contains(code), "README.md must show the embedding example exactly as tested:\n" + code);
    }

    @Test
    void anUnknownOperatorNameIsRefusedNamingTheOperators() throws Exception {
        try (Engine engine = Engine.create(EngineConfig.inMemory().withOpenCl(false).withCuda(false))) {
            var e = assertThrows(IllegalArgumentException.class, () -> LiveRun.builder(engine).push(8, 8, PixelType.U16)
                    .operator("esrf").start());
            assertTrue(e.getMessage().contains("no live stage named 'esrf'") && e.getMessage().contains("esrrf"), e.getMessage());
        }
    }
}
