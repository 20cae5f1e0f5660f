package org.flowscope.adapters.mm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pieces of a user's Micro-Manager installation that the MMCore source needs.
 *
 * <p>Layout (micromanager.md §3): {@code MMCoreJ.jar} anywhere under the installation directory (usually
 * {@code plugins/Micro-Manager/MMCoreJ.jar}); the native library {@code libMMCoreJ_wrap.so} and the device
 * adapters {@code libmmgr_dal_<Module>.so.0} directly in it.
 *
 * @param home        the installation directory
 * @param jar         MMCoreJ.jar
 * @param nativeLib   libMMCoreJ_wrap.so
 * @param adapters    the device adapter files found
 */
public record MmInstallation(Path home, Path jar, Path nativeLib, List<Path> adapters) {
    /** Name of the environment variable naming the installation when {@code --mm-home} is not given. */
    public static final String ENV = "MM_HOME";
    static final String JAR_NAME = "MMCoreJ.jar";
    static final String NATIVE_NAME = "libMMCoreJ_wrap.so";
    static final String ADAPTER_PREFIX = "libmmgr_dal_";
    static final String ADAPTER_SUFFIX = ".so.0";
    private static final int MAX_JAR_DEPTH = 8;

    public MmInstallation {
        adapters = List.copyOf(adapters);
    }

    /**
     * The installation directory: {@code option} when given, else {@code $MM_HOME}.
     *
     * @throws IllegalArgumentException when neither is set
     */
    public static Path resolveHome(Optional<Path> option, Map<String, String> environment) {
        if (option.isPresent()) {
            return option.get();
        }
        String env = environment.get(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        throw new IllegalArgumentException(
                "an mm: source needs a Micro-Manager installation: pass --mm-home DIR or set " + ENV);
    }

    /**
     * Finds the jar, the native library and the adapters, reporting every missing piece at once.
     *
     * @throws IllegalArgumentException saying what was looked for, where, and what is missing
     */
    public static MmInstallation locate(Path home) {
        if (!Files.isDirectory(home)) {
            throw new IllegalArgumentException("Micro-Manager installation directory not found: " + home.toAbsolutePath()
                    + " (from --mm-home or " + ENV + ")");
        }
        List<String> missing = new ArrayList<>();
        Optional<Path> jar = findJar(home);
        if (jar.isEmpty()) {
            missing.add("- " + JAR_NAME + ": searched " + home.toAbsolutePath() + " and its subdirectories (depth <= "
                    + MAX_JAR_DEPTH + "), not found");
        }
        Path nativeLib = home.resolve(NATIVE_NAME);
        if (!Files.isRegularFile(nativeLib)) {
            missing.add("- " + NATIVE_NAME + " (MMCoreJ's native library): looked in " + home.toAbsolutePath()
                    + ", not found");
        }
        List<Path> adapters = adapters(home);
        if (adapters.isEmpty()) {
            missing.add("- device adapters " + ADAPTER_PREFIX + "<Module>" + ADAPTER_SUFFIX + ": looked in "
                    + home.toAbsolutePath() + ", none found");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("incomplete Micro-Manager installation at " + home.toAbsolutePath()
                    + ":\n" + String.join("\n", missing)
                    + "\nThe jar, the native library and the adapters must come from one Micro-Manager release.");
        }
        return new MmInstallation(home, jar.get(), nativeLib, adapters);
    }

    /** Module names of the adapters found ({@code libmmgr_dal_DemoCamera.so.0} → {@code DemoCamera}). */
    public List<String> adapterModules() {
        return adapters.stream().map(p -> {
            String name = p.getFileName().toString();
            return name.substring(ADAPTER_PREFIX.length(), name.length() - ADAPTER_SUFFIX.length());
        }).toList();
    }

    private static Optional<Path> findJar(Path home) {
        try (Stream<Path> files = Files.find(home, MAX_JAR_DEPTH,
                (p, attrs) -> attrs.isRegularFile() && p.getFileName().toString().equals(JAR_NAME))) {
            // Shallowest first: plugins/Micro-Manager/MMCoreJ.jar rather than a copy buried in a backup folder.
            return files.min(Comparator.comparingInt(Path::getNameCount).thenComparing(Path::toString));
        } catch (IOException e) {
            throw new UncheckedIOException("could not search " + home + " for " + JAR_NAME, e);
        }
    }

    private static List<Path> adapters(Path home) {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(ADAPTER_PREFIX) && name.endsWith(ADAPTER_SUFFIX) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + home, e);
        }
    }
}
