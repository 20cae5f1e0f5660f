package org.flowscope.app.live;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.flowscope.app.CliOutput;
import org.flowscope.app.FlowscopeCli;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.source.SourceFormat;

/**
 * {@code run.json}: what a live run read, how it was configured, the software versions, counters by stage, timings by
 * stage, and one top-level section per {@link org.flowscope.core.pipeline.RunContributor} (camera, replay, drift,
 * esrrf, quality, ...). Written atomically.
 */
public final class RunJson {
    private static final Set<String> RESERVED = Set.of("status", "error", "flowscope", "startedUtc", "elapsedMs", "inputs",
            "parameters", "outputs", "frames", "framesPerSecond", "counters", "timings", "pool", "sideBranchErrors");

    private final Map<String, Object> root = new LinkedHashMap<>();

    public RunJson(Instant started) {
        root.put("status", "running");
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("version", FlowscopeCli.Version.version());
        versions.put("java", System.getProperty("java.version"));
        versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        versions.put("cores", Runtime.getRuntime().availableProcessors());
        versions.put("reactor", String.valueOf(reactor.core.publisher.Flux.class.getPackage().getImplementationVersion()));
        root.put("flowscope", versions);
        root.put("startedUtc", started.toString());
    }

    public void inputs(String sourceSpec, SourceFormat f) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("source", sourceSpec);
        in.put("width", f.width());
        in.put("height", f.height());
        in.put("pixelType", f.pixelType().name().toLowerCase(java.util.Locale.ROOT));
        in.put("frameCount", f.frameCount().isPresent() ? f.frameCount().getAsLong() : null);
        in.put("framesPerSecond", f.framesPerSecond().isPresent() ? f.framesPerSecond().getAsDouble() : null);
        in.put("pixelSizeNm", f.pixelSizeNm().isPresent() ? f.pixelSizeNm().getAsDouble() : null);
        root.put("inputs", in);
    }

    public void parameters(Map<String, Object> params) {
        root.put("parameters", params);
    }

    public void outputs(Map<String, Object> outputs) {
        root.put("outputs", outputs);
    }

    public void summary(RunSummary s) {
        root.put("status", "ok");
        root.put("elapsedMs", s.elapsedMs());
        root.put("frames", s.frames());
        root.put("framesPerSecond", s.framesPerSecond());
        root.put("analysis", s.analysis());
        root.put("endLagMs", s.endLagMs());
        root.put("counters", s.counters());
        root.put("timings", s.timings());
        root.put("pool", s.pool());
        root.put("sideBranchErrors", s.errors());
        s.sections().forEach((k, v) -> root.put(RESERVED.contains(k) ? "section." + k : k, v));
    }

    public void failed(String message, double elapsedMs) {
        root.put("status", "failed");
        root.put("error", message);
        root.put("elapsedMs", elapsedMs);
    }

    public Map<String, Object> content() {
        return root;
    }

    public void write(Path file) {
        String json = CliOutput.toJson(root);
        TiffStacks.writeAtomically(file, out -> out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
