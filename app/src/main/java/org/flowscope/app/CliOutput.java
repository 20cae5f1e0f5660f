package org.flowscope.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Output of a command: a human summary by default, one JSON object with {@code --json}. Every command mixes this
 * in ({@code @Mixin CliOutput out;}) and reports its result through {@link #result}.
 */
public final class CliOutput {
    /** Created on first use: building a mapper costs start-up time that --version, --help and text output do not need. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    @Option(names = "--json", description = "Print a machine-readable JSON result on stdout instead of text.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    public boolean json() {
        return json;
    }

    /** The command's stdout. */
    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Progress and notes for humans: suppressed with --json so stdout stays parseable. */
    public void info(String line) {
        if (!json) {
            out().println(line);
            out().flush();
        }
    }

    /** The command this output belongs to. */
    public CommandSpec spec() {
        return spec;
    }

    /**
     * Reports the command's result: with {@code --json}, {@code {"ok": true, "command": ..., ...fields}} where the
     * fields are the report record's components (or a map's entries); otherwise the human summary line(s).
     */
    public void result(Object report, String humanSummary) {
        if (json) {
            com.fasterxml.jackson.databind.node.ObjectNode all = Json.MAPPER.createObjectNode();
            all.put("ok", true);
            all.put("command", spec.qualifiedName(" "));
            com.fasterxml.jackson.databind.JsonNode fields = Json.MAPPER.valueToTree(report);
            if (fields instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                all.setAll(o);
            }
            out().println(toJson(all));
        } else {
            out().println(humanSummary);
        }
        out().flush();
    }

    /** Serializes with the CLI's JSON settings (pretty-printed). */
    public static String toJson(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared JSON mapper (for run.json and friends). */
    public static ObjectMapper mapper() {
        return Json.MAPPER;
    }
}
