package org.flowscope.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent Python readers ({@link Tifffile}, {@link PythonZarr}) that check what flowscope writes: finds
 * a python3 that imports the reader's modules, runs a script and reads back its {@code key=value} lines.
 */
final class PythonScripts {
    private PythonScripts() {
    }

    /**
     * A python3 that runs {@code imports} (e.g. "import zarr, numpy"), or empty. Debian's own python3 first: pyenv
     * shims may lack the modules.
     */
    static Optional<String> interpreterWith(String imports) {
        for (String py : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(py, "-c", imports).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(py);
                }
            } catch (IOException e) {
                // not installed under this name
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code interpreter} with {@code args} and returns the {@code key=value} lines it printed, in order; a run
     * that fails or takes over two minutes is an AssertionError that starts with {@code failure} and shows the output.
     */
    static Map<String, String> keyValues(String interpreter, List<String> args, String failure) {
        List<String> cmd = new ArrayList<>();
        cmd.add(interpreter);
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(failure + ":\n" + text);
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    m.put(line.substring(0, eq), line.substring(eq + 1).trim());
                }
            }
            return m;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + interpreter + " (" + failure + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
