package org.flowscope.engine.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscope.engine.spi.KernelBuildException;

/**
 * Reads kernel sources from the class path, next to the class that uses them. Never from the working directory:
 * a stray file there must not replace a shipped kernel.
 */
public final class KernelSources {
    /** {@code #include "path"}: a header relative to the including file, as nvcc resolves it for the CUDA twin. */
    private static final Pattern INCLUDE = Pattern.compile("^\\s*#\\s*include\\s+\"([^\"]+)\"\\s*$");

    private KernelSources() {
    }

    /**
     * The OpenCL program text of {@code resourceName} with every {@code #include "relative/path.h"} line replaced
     * by that resource, resolved against the including one and inlined once (later includes of the same header
     * become empty lines). The OpenCL compiler cannot see class-path resources, and an operation's .cl and .cu
     * share their device functions through such headers.
     */
    public static byte[] readExpandingIncludes(Class<?> anchor, String resourceName) {
        String path = resourceName.startsWith("/") ? resourceName.substring(1)
                : anchor.getPackageName().replace('.', '/') + "/" + resourceName;
        StringBuilder out = new StringBuilder();
        expand(anchor, path, new HashSet<>(), out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void expand(Class<?> anchor, String path, Set<String> included, StringBuilder out) {
        included.add(path);
        String text = new String(read(anchor, "/" + path), StandardCharsets.UTF_8);
        for (String line : text.split("\n", -1)) {
            Matcher m = INCLUDE.matcher(line);
            if (!m.matches()) {
                out.append(line).append('\n');
                continue;
            }
            String target = URI.create(path).resolve(m.group(1)).normalize().getPath();
            if (target.startsWith("../") || target.startsWith("/")) {
                throw new KernelBuildException("kernel header '" + m.group(1) + "' included by " + path
                        + " lies outside the class path", "");
            }
            if (included.contains(target)) {
                out.append('\n');
            } else {
                expand(anchor, target, included, out);
            }
        }
    }

    /** The bytes of resource {@code resourceName} next to {@code anchor}; {@link KernelBuildException} when absent. */
    public static byte[] read(Class<?> anchor, String resourceName) {
        try (InputStream in = anchor.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new KernelBuildException("kernel resource '" + resourceName + "' not found next to "
                        + anchor.getName(), "");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel resource " + resourceName, e);
        }
    }

    /** Hex SHA-256, the kernel caches' key. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
