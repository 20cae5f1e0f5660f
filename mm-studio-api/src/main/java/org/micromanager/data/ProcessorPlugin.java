package org.micromanager.data;

import org.micromanager.MMPlugin;
import org.micromanager.PropertyMap;

/** Compile-only stub with Micro-Manager 2.0's signatures. */
public interface ProcessorPlugin extends MMPlugin {
    ProcessorConfigurator createConfigurator(PropertyMap settings);

    ProcessorFactory createFactory(PropertyMap settings);
}
