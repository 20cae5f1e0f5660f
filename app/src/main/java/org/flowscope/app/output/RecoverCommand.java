package org.flowscope.app.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.FlowscopeCli;
import org.flowscope.app.report.RunFolderReport;
import org.flowscope.core.io.TiffStacks;
import org.flowscope.core.io.TiffStreamRecovery;
import org.flowscope.core.io.zarr.ZarrStreamRecovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code flowscope recover DIR}: saves what a killed or crashed live run wrote. Every {@code *.partial} stream in DIR
 * ({@code raw.tif.partial}, {@code result.tif.partial}, their {@code .ome.tif} forms) becomes a valid TIFF of every
 * frame (for results: every window) completely written, and {@code run.json} is written from the run's
 * {@code run.json.partial} with status "recovered" and what each file holds. The folder is locked meanwhile, so a
 * running flowscope's files are never touched.
 */
@Command(name = "recover",
        mixinStandardHelpOptions = true,
        description = {"Save what a killed or crashed live run wrote into DIR: each *.tif.partial stream becomes a valid"
                + " TIFF, each *.zarr.partial store a complete OME-Zarr, of every frame (results: every window)"
                + " completely written; run.json gets status \"recovered\"."})
public final class RecoverCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Parameters(index = "0", paramLabel = "DIR", description = "Output folder of the run (its --out).")
    Path dir;

    @Override
    public Integer call() {
        try (RunFolder folder = RunFolder.forRecovery(dir)) {
            Path runJson = dir.resolve("run.json");
            if (Files.exists(runJson)) {
                throw new IllegalArgumentException(dir + " holds run.json: its run ended and there is nothing to recover"
                        + " (a run that ended normally or failed leaves no partial stream)");
            }
            List<Path> streams = new ArrayList<>(TiffStreamRecovery.partialStreams(dir));
            streams.addAll(ZarrStreamRecovery.partialStores(dir));
            if (streams.isEmpty()) {
                throw new IllegalArgumentException("nothing to recover in " + dir + ": no partial stream"
                        + " (*.tif.partial, *.zarr.partial) of a killed run");
            }
            Map<String, Object> recovered = new LinkedHashMap<>();
            List<String> human = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            for (Path p : streams) {
                String key = key(p);
                try {
                    if (Files.isDirectory(p)) {
                        ZarrStreamRecovery.Recovered r = ZarrStreamRecovery.recover(p);
                        recovered.put(key, section(r, key));
                        human.add(describe(r, key));
                    } else {
                        TiffStreamRecovery.Recovered r = TiffStreamRecovery.recover(p);
                        recovered.put(key, section(r, key));
                        human.add(describe(r, key));
                    }
                } catch (IllegalArgumentException e) {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("partial", p.toString());
                    s.put("error", e.getMessage());
                    recovered.put(key, s);
                    failures.add(e.getMessage());
                }
            }
            if (failures.size() == streams.size()) {
                throw new IllegalArgumentException(String.join("; ", failures));
            }
            Map<String, Object> json = runJson(recovered);
            String text = CliOutput.toJson(json);
            TiffStacks.writeAtomically(runJson, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("dir", dir.toString());
            r.put("recovered", recovered);
            r.put("runJson", runJson.toString());
            failures.forEach(f -> human.add("not recovered: " + f));
            human.add("wrote " + runJson + " (status \"recovered\")");
            try {
                human.add("wrote " + RunFolderReport.write(dir, Optional.empty()));
            } catch (RuntimeException e) {
                // the recovered files are what matters; the report can be rebuilt
                human.add("no report.html: " + e.getMessage() + " (rebuild it with 'flowscope report " + dir + "')");
            }
            out.result(r, String.join(System.lineSeparator(), human));
            return ExitCodes.OK;
        }
    }

    private static String key(Path partial) {
        String n = partial.getFileName().toString();
        n = n.substring(0, n.length() - TiffStacks.PARTIAL_SUFFIX.length());
        return n.replaceFirst("(?i)(\\.ome)?\\.(tiff?|zarr)$", "");
    }

    private static Map<String, Object> section(TiffStreamRecovery.Recovered r, String key) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", r.file().toString());
        s.put("frames", r.frames());
        if (r.framesPerRecord() > 1 || key.equals("result")) {
            s.put("windows", r.records());
            s.put("framesPerWindow", r.framesPerRecord());
        }
        s.put("framesForcedToDisk", r.durableFrames());
        s.put("bytesDiscarded", r.bytesDiscarded());
        s.put("bigTiff", r.bigTiff());
        return s;
    }

    private static String describe(TiffStreamRecovery.Recovered r, String key) {
        String what = key.equals("result") ? String.format(Locale.ROOT, "%d window(s), %d frame(s)", r.records(), r.frames())
                : r.frames() + " frame(s)";
        String cut = r.bytesDiscarded() > 0 ? ", " + r.bytesDiscarded() + " bytes of an incomplete "
                + (key.equals("result") ? "window" : "frame") + " discarded" : "";
        return "recovered " + r.file() + ": " + what + cut;
    }

    private static Map<String, Object> section(ZarrStreamRecovery.Recovered r, String key) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("file", r.store().toString());
        s.put("frames", r.frames());
        if (r.framesPerRecord() > 1 || key.equals("result")) {
            s.put("windows", r.records());
            s.put("framesPerWindow", r.framesPerRecord());
        }
        s.put("framesForcedToDisk", r.durableFrames());
        s.put("bytesDiscarded", r.bytesDiscarded());
        s.put("format", "ome-zarr");
        return s;
    }

    private static String describe(ZarrStreamRecovery.Recovered r, String key) {
        String what = key.equals("result") ? String.format(Locale.ROOT, "%d window(s), %d frame(s)", r.records(), r.frames())
                : r.frames() + " frame(s)";
        String cut = r.bytesDiscarded() > 0 ? ", " + r.bytesDiscarded() + " bytes of an incomplete "
                + (key.equals("result") ? "window" : "frame") + " discarded" : "";
        return "recovered " + r.store() + ": " + what + cut;
    }

    /** The run's own record (run.json.partial, written when it started) marked as recovered, or a new one. */
    private Map<String, Object> runJson(Map<String, Object> recovered) {
        Map<String, Object> json = new LinkedHashMap<>();
        Path started = TiffStacks.partialPath(dir.resolve("run.json"));
        if (Files.exists(started)) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = CliOutput.mapper().readValue(Files.readString(started), LinkedHashMap.class);
                json.putAll(m);
            } catch (IOException | RuntimeException e) {
                json.put("runJsonPartialError", "run.json.partial unreadable: " + e.getMessage());
            }
        }
        json.put("status", "recovered");
        json.putIfAbsent("flowscope", Map.of("version", FlowscopeCli.Version.version()));
        json.put("recoveredUtc", Instant.now().toString());
        json.put("recovered", recovered);
        Map<String, Object> outputs = new LinkedHashMap<>();
        recovered.forEach((k, v) -> {
            if (v instanceof Map<?, ?> m && m.get("file") != null) {
                outputs.put(k, m.get("file"));
            }
        });
        outputs.put("runJson", dir.resolve("run.json").toString());
        json.put("outputs", outputs);
        return json;
    }
}
