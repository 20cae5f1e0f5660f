package org.flowscope.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.flowscope.core.io.TiffStacks;

/** Writes {@code run.json} atomically and reads it back, with Jackson. */
public final class RunReportFile {
    /** The file's name in a run's output folder. */
    public static final String NAME = "run.json";

    // own mapper: run.json is read back, so unknown keys of the typed part would be a bug, but contributor sections
    // are free-form; the any-setter takes every key that is not one of the record's own
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RunReportFile() {
    }

    /** The mapper run.json is written with. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code report} to {@code file} (temporary name, then an atomic rename). */
    public static void write(Path file, RunReport report) {
        byte[] bytes = toJson(report).getBytes(StandardCharsets.UTF_8);
        TiffStacks.writeAtomically(file, out -> out.write(bytes));
    }

    /** The JSON text of {@code report}. */
    public static String toJson(RunReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code file}; a missing or malformed file is an IllegalArgumentException naming the file and the problem. */
    public static RunReport read(Path file) {
        try {
            return MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), RunReport.class);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no " + NAME + " in " + file.getParent() + " (not a flowscope run folder?)", e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a readable run.json: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Any value (a contributor's section object) as a JSON tree. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static <T> T convert(JsonNode node, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("run.json section '" + what + "' is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
