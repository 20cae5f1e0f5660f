package org.micromanager;

import org.micromanager.data.DataManager;

/** Compile-only stub: the part of Micro-Manager 2.0's application object that flowscope uses. */
public interface Studio {
    DataManager data();
}
