package org.flowscope.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;
import ij.process.ImageProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Loads NanoPyx reference cases (a JSON plus TIFFs) for tests. Cases a test needs are copied under
 * {@code src/test/resources/reference/...} of the module, mirroring {@code ../shared/reference}, so that a clone
 * without {@code ../shared} still runs them. Real data is only read from {@code ../shared} and skipped otherwise.
 */
public final class ReferenceData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceData() {
    }

    /** A test resource path (e.g. "reference/esrrf/blink100_32_AVG.json") as a file, failing the test if absent. */
    public static Path resource(String name) {
        var url = ReferenceData.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource not found on the class path: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }

    /** Parses a JSON file. */
    public static JsonNode json(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JSON " + file, e);
        }
    }

    /**
     * Reads a TIFF (one or many pages, 8/16-bit unsigned or 32-bit float) as a float stack of
     * {@code [frames][rows*cols]} plus its shape. Unsigned values are not rescaled.
     */
    public static Stack tiff(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("TIFF not found: " + file);
        }
        ImagePlus imp = new Opener().openImage(file.toString());
        if (imp == null) {
            throw new IllegalStateException("ImageJ could not open TIFF " + file);
        }
        ImageStack st = imp.getStack();
        int w = st.getWidth();
        int h = st.getHeight();
        int n = st.getSize();
        float[] data = new float[n * w * h];
        for (int i = 0; i < n; i++) {
            ImageProcessor ip = st.getProcessor(i + 1);
            float[] px = (float[]) ip.convertToFloatProcessor().getPixels();
            System.arraycopy(px, 0, data, i * w * h, w * h);
        }
        return new Stack(n, h, w, data);
    }

    /** {@code ../shared} (or {@code $FLOWSCOPE_SHARED}) when present. */
    public static Optional<Path> sharedDir() {
        String env = System.getenv("FLOWSCOPE_SHARED");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("reference"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A path under {@code ../shared}; skips the calling test with a message when the folder is absent. */
    public static Path sharedOrSkip(String relative) {
        Optional<Path> shared = sharedDir();
        Assumptions.assumeTrue(shared.isPresent(), "../shared not found: skipping test that needs " + relative);
        Path p = shared.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "not present in ../shared: " + relative);
        return p;
    }

    /** A float stack read from a TIFF: {@code data[(f*height + y)*width + x]}. */
    public record Stack(int frames, int height, int width, float[] data) {
        public org.flowscope.core.image.ImageStack toImageStack() {
            return new org.flowscope.core.image.ImageStack(frames, height, width, data);
        }
    }
}
