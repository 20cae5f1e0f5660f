package org.flowscope.methods.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flowscope.core.image.ImageStack;
import org.flowscope.testkit.ReferenceData;

/** One NanoPyx reference case: its JSON, input and expected output, and the comparison with its tolerance. */
public record NanoPyxCase(String name, Path json, JsonNode spec, Path dir) {

    /** All cases of {@code method} copied under {@code src/test/resources/reference/<method>/}. */
    public static List<NanoPyxCase> bundled(String method, String prefix) {
        return in(ReferenceData.resource("reference/" + method), prefix);
    }

    /** Cases of {@code method} whose file name starts with {@code prefix} in {@code dir}. */
    public static List<NanoPyxCase> in(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".json"))
                    .sorted()
                    .map(p -> new NanoPyxCase(p.getFileName().toString().replace(".json", ""), p, readJson(p), p.getParent()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NanoPyx's JSON writer emits NaN for undefined statistics, which strict JSON does not allow. */
    private static JsonNode readJson(Path p) {
        try {
            return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    public JsonNode params() {
        return spec.get("params");
    }

    /** A stack relative to the reference root ({@code inputs/x.tif}) or to this case's folder. */
    public ImageStack stack(String relative) {
        Path root = dir.getParent();
        Path p = Files.exists(root.resolve(relative)) ? root.resolve(relative) : dir.resolve(relative);
        return ReferenceData.tiff(p).toImageStack();
    }

    public ImageStack input() {
        return stack(spec.get("input").asText());
    }

    public ImageStack expected() {
        return stack(spec.get("output").asText());
    }

    /** Absolute tolerance from the JSON's {@code tolerance_suggestion.abs}. */
    public double tolerance() {
        return spec.get("tolerance_suggestion").get("abs").asDouble();
    }

    /** Asserts shape and |actual - expected| &le; tolerance everywhere; returns the worst difference. */
    public double assertMatches(ImageStack actual) {
        ImageStack exp = expected();
        assertEquals(exp.frameSize() * exp.frames(), actual.data().length, name + ": pixel count");
        assertEquals(exp.width(), actual.width(), name + ": width");
        assertEquals(exp.height(), actual.height(), name + ": height");
        double worst = 0;
        int at = -1;
        float[] e = exp.data();
        float[] a = actual.data();
        for (int i = 0; i < e.length; i++) {
            double d = Math.abs((double) e[i] - a[i]);
            if (Float.isNaN(e[i]) != Float.isNaN(a[i])) {
                d = Double.POSITIVE_INFINITY;
            }
            if (d > worst) {
                worst = d;
                at = i;
            }
        }
        double tol = tolerance();
        int where = at;
        double w = worst;
        assertTrue(worst <= tol, () -> name + ": max |diff| " + w + " > tolerance " + tol + " at element " + where
                + " (expected " + e[where] + ", got " + a[where] + ")");
        return worst;
    }
}
