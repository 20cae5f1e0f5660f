package org.micromanager.data;

import org.micromanager.PropertyMap;

/** Compile-only stub with Micro-Manager 2.0's signatures. */
public interface ProcessorConfigurator {
    void showGUI();

    void cleanup();

    PropertyMap getSettings();
}
