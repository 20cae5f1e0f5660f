package org.flowscope.mmplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What Micro-Manager needs from the plugin's classes: Java 8 bytecode, only JDK and Micro-Manager API types. */
class PluginArtifactTest {
    private static final Pattern TYPE = Pattern.compile("L?((?:[a-z][a-z0-9_]*/)+)[A-Za-z0-9_$]+");

    private static List<Path> pluginClasses() throws Exception {
        Path root = Paths.get(FlowscopePlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
    }

    @Test
    void everyClassIsJava8Bytecode() throws Exception {
        for (Path c : pluginClasses()) {
            byte[] b = Files.readAllBytes(c);
            int major = ((b[6] & 0xFF) << 8) | (b[7] & 0xFF);
            assertEquals(52, major, c + " must run on Micro-Manager's Java 8/11");
        }
    }

    @Test
    void referencesOnlyTheJdkMicroManagerAndItself() throws Exception {
        List<String> foreign = new ArrayList<>();
        for (Path c : pluginClasses()) {
            String text = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            Matcher m = TYPE.matcher(text);
            while (m.find()) {
                String pkg = m.group(1);
                boolean allowed = pkg.startsWith("java/") || pkg.startsWith("javax/") || pkg.startsWith("org/micromanager/")
                        || pkg.startsWith("org/scijava/") || pkg.startsWith("org/flowscope/mmplugin/");
                if (!allowed && (pkg.startsWith("org/") || pkg.startsWith("com/") || pkg.startsWith("io/")
                        || pkg.startsWith("net/") || pkg.startsWith("reactor/"))) {
                    foreign.add(c.getFileName() + ": " + m.group());
                }
            }
        }
        assertTrue(foreign.isEmpty(), "types outside the JDK and Micro-Manager's API: " + foreign);
    }

    @Test
    void compilesAgainstTheRealStudioApiWhenItIsAtHand() throws Exception {
        Path real = Paths.get("../../shared/mm/studio/MMJ_.jar");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(real), "skipped: no real Studio API at "
                + real.toAbsolutePath().normalize() + "; the plugin compiled against the stubs of mm-studio-api");
        Path api = Paths.get(org.micromanager.data.Image.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(real.toRealPath(), api.toRealPath(), "the mm-studio-real profile puts MMJ_.jar on the class path");
        // the real Image, not the 6-method stub
        assertEquals(byte[].class, org.micromanager.data.Image.class.getMethod("getByteArray").getReturnType());
    }

    @Test
    void carriesItsSciJavaIndexNamingTheProcessorPlugin() throws IOException {
        try (InputStream in = FlowscopePlugin.class.getResourceAsStream("/META-INF/json/org.scijava.plugin.Plugin")) {
            assertFalse(in == null, "the index MM's plugin loader reads");
            String index = new String(readAll(in), StandardCharsets.UTF_8);
            assertTrue(index.contains("\"class\":\"org.flowscope.mmplugin.FlowscopePlugin\""), index);
            assertTrue(index.contains("\"type\":\"org.micromanager.data.ProcessorPlugin\""), index);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
