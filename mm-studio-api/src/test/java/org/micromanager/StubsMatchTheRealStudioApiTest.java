package org.micromanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.micromanager.data.DataManager;
import org.micromanager.data.Image;
import org.micromanager.data.Metadata;
import org.micromanager.data.Processor;
import org.micromanager.data.ProcessorConfigurator;
import org.micromanager.data.ProcessorContext;
import org.micromanager.data.ProcessorFactory;
import org.micromanager.data.ProcessorPlugin;
import org.micromanager.data.SummaryMetadata;
import org.scijava.plugin.Plugin;
import org.scijava.plugin.SciJavaPlugin;

/**
 * Every member of the compile-only stubs exists, with the same signature, in the real Studio API (the MMJ_.jar of
 * {@code ../shared/mm/studio}), so a plugin built against the stubs in a user's clone links inside Micro-Manager.
 */
class StubsMatchTheRealStudioApiTest {
    private static final List<Class<?>> STUBS = Arrays.<Class<?>>asList(MMPlugin.class, PropertyMap.class,
            PropertyMap.Builder.class, PropertyMaps.class, Studio.class, DataManager.class, Image.class, Metadata.class,
            Processor.class, ProcessorConfigurator.class, ProcessorContext.class, ProcessorFactory.class,
            ProcessorPlugin.class, SummaryMetadata.class, Plugin.class, SciJavaPlugin.class);

    private static URLClassLoader realApi() throws Exception {
        Path jar = Paths.get(System.getProperty("flowscope.mm.studio", "../../shared/mm/studio")).resolve("MMJ_.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "skipped: the real Studio API is absent (" + jar.toAbsolutePath()
                .normalize() + "; -Dflowscope.mm.studio=DIR names a folder holding MMJ_.jar)");
        // Studio's signatures name MMCoreJ and SciJava types: both from Maven Central, on this test's class path.
        URL mmcorej = Class.forName("mmcorej.CMMCore").getProtectionDomain().getCodeSource().getLocation();
        URL scijava = Class.forName("org.scijava.plugin.PluginInfo").getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {jar.toUri().toURL(), mmcorej, scijava}, ClassLoader.getSystemClassLoader().getParent());
    }

    @Test
    void everyStubMemberHasTheRealSignature() throws Exception {
        List<String> missing = new ArrayList<>();
        try (URLClassLoader real = realApi()) {
            for (Class<?> stub : STUBS) {
                Class<?> actual = Class.forName(stub.getName(), false, real);
                assertEquals(stub.isInterface(), actual.isInterface(), stub.getName());
                assertEquals(stub.isAnnotation(), actual.isAnnotation(), stub.getName());
                for (Class<?> parent : stub.getInterfaces()) {
                    assertTrue(Class.forName(parent.getName(), false, real).isAssignableFrom(actual),
                            stub.getName() + " extends " + parent.getName());
                }
                for (Method m : stub.getDeclaredMethods()) {
                    Class<?>[] params = new Class<?>[m.getParameterCount()];
                    for (int i = 0; i < params.length; i++) {
                        params[i] = resolve(m.getParameterTypes()[i], real);
                    }
                    try {
                        Method r = actual.getMethod(m.getName(), params);
                        if (!r.getReturnType().getName().equals(m.getReturnType().getName())
                                || Modifier.isStatic(r.getModifiers()) != Modifier.isStatic(m.getModifiers())) {
                            missing.add(m + " is " + r);
                        }
                    } catch (NoSuchMethodException e) {
                        missing.add(m.toString());
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "stub members the real Studio API does not have: " + missing);
    }

    private static Class<?> resolve(Class<?> type, ClassLoader real) throws ClassNotFoundException {
        return type.isPrimitive() ? type : Class.forName(type.getName(), false, real);
    }
}
