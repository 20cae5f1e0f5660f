package org.flowscope.adapters.mm;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates an {@link MmCorePort} over the MMCoreJ of a user's installation.
 *
 * <p>MMCoreJ's jar, its native library and the device adapters must come from one Micro-Manager release
 * (micromanager.md §7.6), so flowscope never ships a jar of its own at run time. This loader puts the
 * installation's {@code MMCoreJ.jar} in a {@link URLClassLoader} that resolves {@code mmcorej.*} child-first and
 * defines {@link CmmCorePort} itself, so the adapter links against the installation's classes. The native
 * library is found by MMCoreJ's own loader through the {@code mmcorej.library.path} system property (the first
 * place its legacy search looks), which keeps it bound to the class loader that uses it; a launcher may also pass
 * {@code -Djava.library.path=DIR}.
 */
public final class MmCoreLoader {
    private static final Logger LOG = LoggerFactory.getLogger(MmCoreLoader.class);
    static final String LIBRARY_PATH_PROPERTY = "mmcorej.library.path";
    private static final String ADAPTER_CLASS = CmmCorePort.class.getName();
    /** Installation class loaders by the real paths of their jar and native library (see the class comment). */
    private static final Map<String, URLClassLoader> LOADERS = new ConcurrentHashMap<>();

    private MmCoreLoader() {
    }

    /**
     * Loads MMCoreJ from {@code installation} and creates a core whose device adapters come from its directory.
     *
     * @throws MmCoreException naming the jar and native library when the classes or the native library cannot be
     *                         loaded (missing, wrong architecture, or from another release)
     */
    public static MmCorePort load(MmInstallation installation) {
        URLClassLoader loader = LOADERS.computeIfAbsent(key(installation), k -> classLoader(installation));
        if (loader.findResource("mmcorej/CMMCore.class") == null) {
            throw new MmCoreException("mm: " + installation.jar() + " contains no mmcorej.CMMCore class (MMCoreJ 10.4.0 "
                    + "from the public repository is empty); use the MMCoreJ.jar of the Micro-Manager installation");
        }
        System.setProperty(LIBRARY_PATH_PROPERTY, installation.home().toAbsolutePath().toString());
        try {
            Class<?> adapter = Class.forName(ADAPTER_CLASS, true, loader);
            Object port = adapter.getConstructor(Path.class).newInstance(installation.home().toAbsolutePath());
            LOG.info("mm: loaded MMCoreJ from {} and {}", installation.jar(), installation.nativeLib());
            return (MmCorePort) port;
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw failure(installation, e.getCause());
        } catch (LinkageError e) {
            throw failure(installation, e);
        } catch (ReflectiveOperationException e) {
            throw new MmCoreException("mm: could not instantiate " + ADAPTER_CLASS + ": " + e, e);
        }
    }

    private static MmCoreException failure(MmInstallation installation, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new MmCoreException("mm: could not start MMCore from " + installation.jar() + " with native library "
                + installation.nativeLib() + ": " + root + ". The jar, libMMCoreJ_wrap.so and the libmmgr_dal_* "
                + "adapters must come from one Micro-Manager release built for this platform.", cause);
    }

    private static String key(MmInstallation installation) {
        return realPath(installation.jar()) + "|" + realPath(installation.nativeLib());
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** A new loader over the installation's jar; {@link #load} keeps one per installation. */
    static URLClassLoader classLoader(MmInstallation installation) {
        URL jarUrl;
        try {
            jarUrl = installation.jar().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad MMCoreJ.jar path " + installation.jar(), e);
        }
        return new InstallationClassLoader(jarUrl, MmCoreLoader.class.getClassLoader());
    }

    /** Child-first for {@code mmcorej.*}; defines the adapter class from the parent's bytes; parent-first otherwise. */
    private static final class InstallationClassLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        InstallationClassLoader(URL jar, ClassLoader parent) {
            super("mmcorej@" + jar, new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    if (name.startsWith("mmcorej.")) {
                        c = findClass(name);
                    } else if (name.equals(ADAPTER_CLASS) || name.startsWith(ADAPTER_CLASS + "$")) {
                        c = defineFromParent(name);
                    } else {
                        return super.loadClass(name, resolve);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private Class<?> defineFromParent(String name) throws ClassNotFoundException {
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = getParent().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
