package org.flowscope.engine.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.flowscope.engine.spi.KernelBuildException;

/**
 * Reads kernel sources from the class path, next to the class that uses them. Never from the working directory:
 * a stray file there must not replace a shipped kernel.
 */
public final class KernelSources {
    private KernelSources() {
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
