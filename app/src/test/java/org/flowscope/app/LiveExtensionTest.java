package org.flowscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscope.app.live.LiveExtension;
import org.flowscope.app.live.LiveSetup;
import org.flowscope.app.live.OperatorFactory;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.pipeline.Average;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A test extension shows the live extension point end to end: options, --op, a stage before it, a side branch. */
class LiveExtensionTest {
    @TempDir
    Path dir;

    /** Options of the test extension (what esrrf/drift/quality put in their own classes). */
    static final class Options {
        @CommandLine.Option(names = "--offset-by", defaultValue = "0", description = "Add this before the op.")
        float offset;

        @CommandLine.Option(names = "--tap", description = "Enable the side branch.")
        boolean tap;
    }

    static final class OffsetStage implements WindowOperator, RunContributor {
        final float offset;
        final AtomicInteger windows = new AtomicInteger();

        OffsetStage(float offset) {
            this.offset = offset;
        }

        @Override
        public String name() {
            return "offset";
        }

        @Override
        public ImageStack apply(ImageStack w, WindowContext ctx) {
            windows.incrementAndGet();
            float[] d = w.data().clone();
            for (int i = 0; i < d.length; i++) {
                d[i] += offset;
            }
            return new ImageStack(w.frames(), w.height(), w.width(), d);
        }

        @Override
        public String section() {
            return "offset";
        }

        @Override
        public Object runJsonSection() {
            return Map.of("windows", windows.get(), "offset", offset);
        }

        @Override
        public Map<String, String> progressFields() {
            return Map.of("offset", Float.toString(offset));
        }
    }

    static final class TestExtension implements LiveExtension {
        final Options options = new Options();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public Object options() {
            return options;
        }

        @Override
        public Map<String, OperatorFactory> operators() {
            return Map.of("max", setup -> new WindowOperator() {
                @Override
                public String name() {
                    return "max";
                }

                @Override
                public ImageStack apply(ImageStack w, WindowContext ctx) {
                    float[] out = new float[w.frameSize()];
                    java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
                    for (int f = 0; f < w.frames(); f++) {
                        for (int i = 0; i < out.length; i++) {
                            out[i] = Math.max(out[i], w.data()[w.offset(f) + i]);
                        }
                    }
                    return ImageStack.ofImage(w.height(), w.width(), out);
                }
            });
        }

        @Override
        public List<WindowOperator> stagesBefore(LiveSetup setup) {
            return options.offset != 0 ? List.of(new OffsetStage(options.offset)) : List.of();
        }

        @Override
        public List<ResultListener> sideBranches(LiveSetup setup) {
            if (!options.tap) {
                return List.of();
            }
            AtomicInteger seen = new AtomicInteger();
            return List.of(new ResultListener() {
                @Override
                public void onResult(ImageStack result, WindowContext context) {
                    seen.incrementAndGet();
                }

                @Override
                public String section() {
                    return "tap";
                }

                @Override
                public Object runJsonSection() {
                    return Map.of("seen", seen.get());
                }
            });
        }
    }

    private int run(StringWriter out, String... args) {
        CommandLine live = new CommandLine(new LiveCommand(List.of(new org.flowscope.app.live.AverageLive(), new TestExtension())));
        live.setOut(new PrintWriter(out, true));
        live.setErr(new PrintWriter(new StringWriter(), true));
        FlowscopeCli.installLiveExtensions(live);
        return live.execute(args);
    }

    @Test
    void extensionOptionsOperatorsStagesAndSideBranchesJoinTheLiveCommand() throws Exception {
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        int code = run(stdout, "--source", "sim:size=16x16,pacing=virtual", "--frames", "40", "--window", "10",
                "--op", "max", "--offset-by", "1000", "--tap", "--out", out.toString(), "--save-raw");
        assertEquals(0, code, stdout.toString());
        JsonNode run = CliOutput.mapper().readTree(Files.readString(out.resolve("run.json")));
        assertEquals(4, run.get("offset").get("windows").asInt());
        assertEquals(List.of("offset", "max"), CliOutput.mapper().convertValue(run.get("parameters").get("stages"), List.class));
        int seen = run.get("tap").get("seen").asInt();
        assertEquals(4, seen + run.get("counters").path("tap.skipped").asInt());
        // result = max over the window of (raw + 1000)
        ImageStack raw = TiffStacks.read(out.resolve("raw.tif")).stack();
        ImageStack result = TiffStacks.read(out.resolve("result.tif")).stack();
        float max = Float.NEGATIVE_INFINITY;
        for (int f = 10; f < 20; f++) {
            max = Math.max(max, raw.get(f, 3, 4));
        }
        assertEquals(max + 1000, result.get(1, 3, 4), 0);
        assertTrue(Average.mean(result).get(0, 0, 0) > 1000);
    }

    @Test
    void extensionOptionsAppearInHelp() {
        StringWriter stdout = new StringWriter();
        assertEquals(0, run(stdout, "--help"));
        assertTrue(stdout.toString().contains("--offset-by"), stdout.toString());
    }
}
