package org.scijava.plugin;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only stub of SciJava's plugin annotation, reduced to the attribute flowscope uses. SciJava's
 * annotation processor is not run here, so the plugin jar carries its index
 * ({@code META-INF/json/org.scijava.plugin.Plugin}) as a resource.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Plugin {
    Class<? extends SciJavaPlugin> type();
}
