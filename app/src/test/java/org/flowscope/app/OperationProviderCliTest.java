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
import java.util.Optional;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Precision;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.average.AverageProvider;
import org.flowscope.methods.spi.LiveSetup;
import org.flowscope.methods.spi.LiveStage;
import org.flowscope.methods.spi.MethodProvider;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.methods.average.AverageCpu;
import org.flowscope.methods.average.AverageWindow;
import org.flowscope.core.pipeline.ResultListener;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.pipeline.WindowContext;
import org.flowscope.core.pipeline.WindowOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An operation joins the command line through its provider alone: a test provider of a "max over frames" operation
 * gets {@code process max} and {@code live --op max}, its options, a stage before the operator and a side branch,
 * with no edit anywhere else.
 */
class OperationProviderCliTest {
    @TempDir
    Path dir;

    /** Options of the test stage (what esrrf/drift/quality put in their own classes). */
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

    /** Maximum over frames, one frame out. */
    public static final class Max implements Operation<Integer, ImageStack, ImageStack> {
        @Override
        public String id() {
            return "test.max";
        }

        @Override
        public WorkShape shape(Integer p, ImageStack in) {
            return new WorkShape(id(), List.of(in.frames(), in.height(), in.width()), "f32", new java.util.TreeMap<>());
        }

        @Override
        public double cost(Integer p, ImageStack in) {
            return in.data().length;
        }

        @Override
        public Tolerance tolerance() {
            return new Tolerance(0, 0);
        }

        static ImageStack max(ImageStack w) {
            float[] out = new float[w.frameSize()];
            java.util.Arrays.fill(out, Float.NEGATIVE_INFINITY);
            for (int f = 0; f < w.frames(); f++) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Math.max(out[i], w.data()[w.offset(f) + i]);
                }
            }
            return ImageStack.ofImage(w.height(), w.width(), out);
        }
    }

    /** The reference implementation. */
    public static final class MaxCpu implements Implementation<Integer, ImageStack, ImageStack> {
        @Override
        public ImplementationInfo info() {
            return new ImplementationInfo("test.max.cpu", Max.class, Backend.CPU, Precision.FP32, "loop");
        }

        @Override
        public ImageStack run(Integer p, ImageStack in, ExecutionContext c) {
            return Max.max(in);
        }
    }

    /** Everything the operation brings: implementation, live stage, process command. */
    static final class MaxProvider implements MethodProvider<Integer, ImageStack, ImageStack> {
        @Override
        public Operation<Integer, ImageStack, ImageStack> operation() {
            return new Max();
        }

        @Override
        public List<Class<? extends Implementation<Integer, ImageStack, ImageStack>>> implementations() {
            return List.of(MaxCpu.class);
        }

        @Override
        public Optional<LiveStage> liveStage() {
            return Optional.of(new MaxStage());
        }

        @Override
        public List<OfflineCommand> processCommands() {
            return List.of(new MaxCommand());
        }
    }

    static final class MaxStage implements LiveStage {
        final Options options = new Options();

        @Override
        public String name() {
            return "max";
        }

        @Override
        public Object options() {
            return options;
        }

        @Override
        public boolean offersOperator() {
            return true;
        }

        @Override
        public Optional<WindowOperator> operator(LiveSetup setup) {
            return Optional.of(new WindowOperator() {
                @Override
                public String name() {
                    return "max";
                }

                @Override
                public ImageStack apply(ImageStack w, WindowContext ctx) {
                    return setup.engine().run(new Max(), 0, w, setup.selection());
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

    static final class MaxCommand implements OfflineCommand {
        static final class Opts {
            @CommandLine.Option(names = "--output", required = true)
            Path output;
        }

        final Opts opts = new Opts();

        @Override
        public String name() {
            return "max";
        }

        @Override
        public String[] description() {
            return new String[] {"Maximum over frames."};
        }

        @Override
        public Object options() {
            return opts;
        }

        @Override
        public Outcome run(ProcessContext ctx) {
            ImageStack in = ctx.read(ctx.input()).stack();
            ImageStack out = ctx.engine().run(new Max(), 0, in, ctx.selection());
            ctx.writeStack(opts.output, out, org.flowscope.core.io.StackMetadata.of(org.flowscope.core.frame.PixelType.F32));
            return new Outcome(Map.of("frames", in.frames()), "max of " + in.frames() + " frames");
        }
    }

    private static final ImplementationRegistry REGISTRY = ImplementationRegistry.of(List.of(new AverageProvider(), new MaxProvider()));

    private int run(StringWriter out, String... args) {
        CommandLine cl = FlowscopeCli.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), REGISTRY);
        return cl.execute(args);
    }

    @Test
    void theProvidersLiveStageBringsItsOptionsOperatorStageAndSideBranch() throws Exception {
        Path out = dir.resolve("run");
        StringWriter stdout = new StringWriter();
        int code = run(stdout, "live", "--source", "sim:size=16x16,pacing=virtual", "--frames", "40", "--window", "10",
                "--op", "max", "--offset-by", "1000", "--tap", "--out", out.toString(), "--save-raw", "--no-history");
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
        assertTrue(AverageCpu.mean(result).get(0, 0, 0) > 1000);
    }

    @Test
    void theProvidersProcessCommandRunsTheOperationThroughTheEngine() {
        ImageStack in = new ImageStack(3, 4, 5, new float[60]);
        in.data()[7] = 9;
        in.data()[20 + 7] = 11;
        Path input = dir.resolve("in.tif");
        Path output = dir.resolve("out.tif");
        TiffStacks.writeF32(input, in, org.flowscope.core.io.StackMetadata.of(org.flowscope.core.frame.PixelType.F32));
        StringWriter stdout = new StringWriter();
        assertEquals(0, run(stdout, "process", "max", "--input", input.toString(), "--output", output.toString(),
                "--no-history", "--implementation", "test.max.cpu"), stdout.toString());
        assertEquals(11, TiffStacks.read(output).stack().get(0, 1, 2), 0);
        assertTrue(stdout.toString().contains("max of 3 frames"), stdout.toString());
    }

    @Test
    void theProvidersOptionsAppearInHelp() {
        StringWriter stdout = new StringWriter();
        assertEquals(0, run(stdout, "live", "--help"));
        assertTrue(stdout.toString().contains("--offset-by"), stdout.toString());
        StringWriter process = new StringWriter();
        assertEquals(0, run(process, "process", "--help"));
        assertTrue(process.toString().contains("max") && process.toString().contains("average"), process.toString());
    }
}
