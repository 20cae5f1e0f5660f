package org.flowscope.adapters.mm;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader against a fake installation: the real MMCoreJ jar with a native library that is not one. */
class MmCoreLoaderTest {
    @TempDir
    Path home;

    private MmInstallation fakeInstallation(boolean realJar) throws Exception {
        Path jar = Files.createDirectories(home.resolve("plugins/Micro-Manager")).resolve("MMCoreJ.jar");
        if (realJar) {
            URL resource = ClassLoader.getSystemResource("mmcorej/CMMCore.class");
            assertNotNull(resource, "MMCoreJ 10.1.1.0 is on the test class path (provided scope)");
            URL jarUrl = ((JarURLConnection) resource.openConnection()).getJarFileURL();
            try (InputStream in = jarUrl.openStream()) {
                Files.copy(in, jar);
            }
        } else {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), new Manifest())) {
                out.flush();
            }
        }
        Files.writeString(home.resolve("libMMCoreJ_wrap.so"), "not an ELF file");
        Files.writeString(home.resolve("libmmgr_dal_DemoCamera.so.0"), "not an ELF file");
        return MmInstallation.locate(home);
    }

    @Test
    void resolvesMmcorejFromTheInstallationJarNotFromTheApplication() throws Exception {
        MmInstallation installation = fakeInstallation(true);
        try (var loader = MmCoreLoader.classLoader(installation)) {
            Class<?> core = loader.loadClass("mmcorej.CMMCore");
            assertSame(loader, core.getClassLoader());
            Class<?> adapter = loader.loadClass(CmmCorePort.class.getName());
            assertSame(loader, adapter.getClassLoader(), "the adapter links against the installation's classes");
            assertSame(MmCorePort.class, adapter.getInterfaces()[0], "and implements the application's port");
        }
    }

    @Test
    void explainsANativeLibraryThatCannotBeLoaded() throws Exception {
        MmInstallation installation = fakeInstallation(true);
        var e = assertThrows(MmCoreException.class, () -> MmCoreLoader.load(installation));
        assertTrue(e.getMessage().contains(installation.nativeLib().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("must come from one Micro-Manager release"), e.getMessage());
        assertTrue(e.getCause() instanceof LinkageError, String.valueOf(e.getCause()));
    }

    @Test
    void explainsAJarWithoutMmcorejClasses() throws Exception {
        MmInstallation installation = fakeInstallation(false);
        var e = assertThrows(MmCoreException.class, () -> MmCoreLoader.load(installation));
        assertTrue(e.getMessage().contains("contains no mmcorej.CMMCore"), e.getMessage());
    }
}
