package org.flowscope.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that a committed PTX file is what {@code nvcc -ptx -arch=compute_80} makes of its committed {@code .cu}
 * source today. nvcc's header comments (compiler build, date) are ignored. Skipped with a message when nvcc is not
 * on the PATH.
 *
 * <pre>{@code
 * PtxFreshness.assertFresh(Path.of("src/main/resources/org/flowscope/methods/conv2d/conv2d.cu"));
 * }</pre>
 */
public final class PtxFreshness {
    /** The architecture every committed PTX targets (see gpu-host.md). */
    public static final String ARCH = "compute_80";

    private PtxFreshness() {
    }

    /** Checks every {@code .cu} file under {@code dir} (recursively) against its {@code .ptx} sibling; fails if there is none. */
    public static void assertAllFresh(Path dir) {
        List<Path> sources;
        try (var files = Files.walk(dir)) {
            sources = files.filter(p -> p.getFileName().toString().endsWith(".cu")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir, e);
        }
        assertTrue(!sources.isEmpty(), "no .cu sources under " + dir.toAbsolutePath());
        for (Path cu : sources) {
            assertFresh(cu);
        }
    }

    /** {@code cuSource} with {@code .cu} replaced by {@code .ptx} next to it is checked. */
    public static void assertFresh(Path cuSource) {
        String name = cuSource.getFileName().toString();
        assertTrue(name.endsWith(".cu"), "CUDA source must end in .cu: " + cuSource);
        assertFresh(cuSource, cuSource.resolveSibling(name.substring(0, name.length() - 3) + ".ptx"));
    }

    /**
     * As {@link #assertFresh(Path)} for a source that includes headers from other directories (nvcc {@code -I});
     * headers next to the source need none.
     */
    public static void assertFresh(Path cuSource, List<Path> includeDirs) {
        String name = cuSource.getFileName().toString();
        assertTrue(name.endsWith(".cu"), "CUDA source must end in .cu: " + cuSource);
        assertFresh(cuSource, cuSource.resolveSibling(name.substring(0, name.length() - 3) + ".ptx"), includeDirs);
    }

    public static void assertFresh(Path cuSource, Path committedPtx) {
        assertFresh(cuSource, committedPtx, List.of());
    }

    public static void assertFresh(Path cuSource, Path committedPtx, List<Path> includeDirs) {
        assertTrue(Files.isRegularFile(cuSource), "CUDA source not found: " + cuSource.toAbsolutePath());
        List<String> includes = new ArrayList<>();
        for (Path dir : includeDirs) {
            assertTrue(Files.isDirectory(dir), "include directory not found: " + dir.toAbsolutePath());
            includes.add("-I" + dir);
        }
        String command = "nvcc -ptx -arch=" + ARCH + " " + String.join(" ", includes) + (includes.isEmpty() ? "" : " ")
                + "-o " + committedPtx + " " + cuSource;
        assertTrue(Files.isRegularFile(committedPtx), "committed PTX not found: " + committedPtx.toAbsolutePath()
                + " (create it with: " + command + ")");
        String nvcc = nvccOnPath();
        Assumptions.assumeTrue(nvcc != null, "skipped: nvcc is not on the PATH, cannot regenerate " + committedPtx);
        try {
            Path out = Files.createTempFile("ptx-freshness", ".ptx");
            try {
                List<String> args = new ArrayList<>(List.of(nvcc, "-ptx", "-arch=" + ARCH));
                args.addAll(includes);
                args.addAll(List.of("-o", out.toString(), cuSource.toString()));
                Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
                String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvcc did not finish in 120 s");
                assertEquals(0, p.exitValue(), "nvcc failed on " + cuSource + ":\n" + log);
                assertEquals(normalise(Files.readAllLines(out)), normalise(Files.readAllLines(committedPtx)),
                        committedPtx + " is stale: regenerate it with " + command);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run nvcc on " + cuSource, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running nvcc", e);
        }
    }

    /** The PTX without nvcc's leading comment block and trailing blanks, line by line. */
    static String normalise(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        boolean header = true;
        for (String line : lines) {
            String t = line.strip();
            if (header && (t.startsWith("//") || t.isEmpty())) {
                continue;
            }
            header = false;
            sb.append(line.stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }

    private static String nvccOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "nvcc");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
