package org.micromanager;

import org.scijava.plugin.SciJavaPlugin;

/** Compile-only stub with Micro-Manager 2.0's signatures. */
public interface MMPlugin extends SciJavaPlugin {
    void setContext(Studio studio);

    String getName();

    String getHelpText();

    String getVersion();

    String getCopyright();
}
