package org.flowscope.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code --inputs}: a glob ({@code data/*.tif}, {@code data/**}{@code /*.ome.tif}) or a text file listing one
 * recording per line (relative paths are read from the list's folder; blank lines and {@code #} comments are
 * skipped), expanded to the acquisitions in a stable order, each with the folder its outputs go to: its path relative
 * to the inputs' common folder, without the extension, so {@code day1/cell1.tif} and {@code day2/cell1.tif} stay apart.
 */
public final class BatchInputs {
    /**
     * One acquisition of the batch.
     *
     * @param name the output folder's path under {@code --out}, with {@code /} between folders
     */
    public record Acquisition(Path input, String name) {
    }

    private BatchInputs() {
    }

    /** The acquisitions {@code spec} names; IllegalArgumentException when it names none or a listed file is missing. */
    public static List<Acquisition> expand(String spec) {
        List<Path> files = isGlob(spec) ? glob(spec) : Files.isRegularFile(Path.of(spec)) && spec.toLowerCase(Locale.ROOT)
                .endsWith(".txt") ? list(Path.of(spec)) : List.of(Path.of(spec));
        if (files.isEmpty()) {
            throw new IllegalArgumentException("--inputs " + spec + " matches no file");
        }
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new IllegalArgumentException("input not found: " + f + " (from --inputs " + spec + ")");
            }
        }
        return name(files);
    }

    static boolean isGlob(String spec) {
        return spec.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static List<Path> glob(String spec) {
        // the folder to walk is the part before the first path element with a wildcard
        Path pattern = Path.of(spec).toAbsolutePath().normalize();
        Path base = pattern.getRoot();
        for (Path part : pattern) {
            if (isGlob(part.toString())) {
                break;
            }
            base = base.resolve(part);
        }
        if (!Files.isDirectory(base)) {
            throw new IllegalArgumentException("--inputs " + spec + ": folder " + base + " does not exist");
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        Path root = base;
        try (Stream<Path> walk = Files.walk(root)) {
            // an OME-Zarr or NDTiff folder is one recording: a pattern may match it, never the chunks inside it
            return walk.filter(matcher::matches).filter(p -> !insideMatchedFolder(p, root, matcher)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + base, e);
        }
    }

    private static boolean insideMatchedFolder(Path p, Path base, PathMatcher matcher) {
        for (Path parent = p.getParent(); parent != null && parent.startsWith(base) && !parent.equals(base);
             parent = parent.getParent()) {
            if (matcher.matches(parent)) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> list(Path listFile) {
        List<Path> out = new ArrayList<>();
        Path dir = listFile.toAbsolutePath().getParent();
        try {
            for (String line : Files.readAllLines(listFile, StandardCharsets.UTF_8)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(dir.resolve(s).normalize());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the input list " + listFile, e);
        }
        return out;
    }

    private static List<Acquisition> name(List<Path> files) {
        List<Path> abs = files.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        Path common = abs.get(0).getParent();
        for (Path p : abs) {
            while (!p.startsWith(common)) {
                common = common.getParent();
            }
        }
        List<Acquisition> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path p : abs) {
            String rel = common.relativize(p).toString().replace('\\', '/');
            String name = rel.replaceFirst("(?i)(\\.ome)?\\.(tiff?|zarr)$", "");
            if (names.contains(name)) {
                throw new IllegalArgumentException("two inputs would write into one output folder " + name + ": "
                        + abs.get(names.indexOf(name)) + " and " + p);
            }
            names.add(name);
            out.add(new Acquisition(p, name));
        }
        return List.copyOf(out);
    }
}
