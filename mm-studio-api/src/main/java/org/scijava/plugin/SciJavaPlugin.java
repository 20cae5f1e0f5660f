package org.scijava.plugin;

/** Compile-only stub of SciJava's marker interface for discoverable plugins (scijava-common 2.83.3). */
public interface SciJavaPlugin {
}
