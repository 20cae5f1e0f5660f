package org.flowscope.engine.natives;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the file that the dynamic linker would open for {@code dlopen("name")}, without asking it to: GPU bindings
 * (JOCL, JCuda) load their libraries from native code, and when that fails some of them print to the process's
 * standard output, which breaks machine-readable output. Looking first lets a missing or broken library become a
 * reason in words instead.
 *
 * <p>The order is glibc's for a name without a slash: the directories of {@code LD_LIBRARY_PATH} (as the JVM
 * was started), then the {@code ld.so.cache} entries for the name, then the built-in system directories. A file of
 * another word size or machine is skipped, as the linker skips it; the first other existing file decides: loadable,
 * or broken (the linker fails there: empty, truncated, not ELF). Not emulated: {@code glibc-hwcaps} subdirectories and the calling library's
 * run path, which the GPU loaders do not use.
 */
public final class LibrarySearch {
    private final List<Path> libraryPath;
    private final Map<String, List<Path>> cache;
    private final List<Path> systemDirs;
    private final ElfTarget target;

    /**
     * @param libraryPath {@code LD_LIBRARY_PATH} directories, in order
     * @param cache       the linker cache's entries by name ({@link LdSoCache#read})
     * @param systemDirs  the linker's built-in directories, in order
     * @param target      the objects this process can load
     */
    public LibrarySearch(List<Path> libraryPath, Map<String, List<Path>> cache, List<Path> systemDirs, ElfTarget target) {
        this.libraryPath = List.copyOf(libraryPath);
        this.cache = Map.copyOf(cache);
        this.systemDirs = List.copyOf(systemDirs);
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The search this process's dynamic linker performs. */
    public static LibrarySearch ofThisProcess() {
        ElfTarget target = ElfTarget.host();
        return new LibrarySearch(splitPath(System.getenv("LD_LIBRARY_PATH")), LdSoCache.read(Path.of("/etc/ld.so.cache")),
                systemDirectories(System.getProperty("os.arch", ""), target.elfClass() == 2), target);
    }

    /** {@code LD_LIBRARY_PATH} split as the linker does (':' or ';'); empty entries, meaning the working directory, are left out. */
    static List<Path> splitPath(String value) {
        List<Path> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.split("[:;]")) {
            if (!part.isBlank()) {
                out.add(Path.of(part));
            }
        }
        return out;
    }

    /**
     * The built-in directories: Debian's multiarch pair, then the 64-bit pair of Red Hat-like systems, then the
     * classic pair. A directory a given system lacks costs one failed lookup.
     */
    static List<Path> systemDirectories(String osArch, boolean is64) {
        String triplet = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "x86", "i386", "i686" -> "i386-linux-gnu";
            default -> null;
        };
        LinkedHashSet<Path> dirs = new LinkedHashSet<>();
        if (triplet != null) {
            dirs.add(Path.of("/lib", triplet));
            dirs.add(Path.of("/usr/lib", triplet));
        }
        if (is64) {
            dirs.add(Path.of("/lib64"));
            dirs.add(Path.of("/usr/lib64"));
        }
        dirs.add(Path.of("/lib"));
        dirs.add(Path.of("/usr/lib"));
        return List.copyOf(dirs);
    }

    /** Where {@code dlopen(name)} would end, with every file looked at on the way. */
    public Lookup find(String name) {
        if (name.contains("/")) {
            throw new IllegalArgumentException("library name must not contain '/', got '" + name + "'");
        }
        List<String> skipped = new ArrayList<>();
        List<Path> candidates = new ArrayList<>();
        libraryPath.forEach(d -> candidates.add(d.resolve(name)));
        candidates.addAll(cache.getOrDefault(name, List.of()));
        systemDirs.forEach(d -> candidates.add(d.resolve(name)));
        for (Path p : candidates) {
            if (!Files.exists(p)) {
                continue; // open() fails with ENOENT, a dangling link included: the linker searches on
            }
            switch (target.check(p)) {
                case LOADABLE:
                    return new Lookup(name, Optional.of(p), Optional.empty(), skipped);
                case OTHER_TARGET:
                    skipped.add(p + " (built for another machine or word size)");
                    break;
                default:
                    return new Lookup(name, Optional.empty(), Optional.of(p), skipped);
            }
        }
        return new Lookup(name, Optional.empty(), Optional.empty(), skipped);
    }

    /** Where the search looked, for messages: "LD_LIBRARY_PATH, /etc/ld.so.cache, /lib/x86_64-linux-gnu, ...". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!libraryPath.isEmpty()) {
            parts.add("LD_LIBRARY_PATH");
        }
        parts.add("the ld.so cache");
        systemDirs.forEach(d -> parts.add(d.toString()));
        return String.join(", ", parts);
    }

    /**
     * The outcome of one search.
     *
     * @param name    the name looked for
     * @param found   the loadable file the linker would open
     * @param broken  the file the linker would stop at and fail on (not ELF, empty, dangling link)
     * @param skipped files of another machine or word size, passed over
     */
    public record Lookup(String name, Optional<Path> found, Optional<Path> broken, List<String> skipped) {
        public Lookup {
            Objects.requireNonNull(name, "name");
            skipped = List.copyOf(skipped);
        }

        /** A phrase for messages: "found at P", "P is not a loadable library", "not found". */
        public String describe() {
            if (found.isPresent()) {
                return name + " at " + found.get();
            }
            if (broken.isPresent()) {
                return name + " at " + broken.get() + " is not a loadable library";
            }
            return name + " not found" + (skipped.isEmpty() ? "" : " (skipped: " + String.join(", ", skipped) + ")");
        }
    }
}
