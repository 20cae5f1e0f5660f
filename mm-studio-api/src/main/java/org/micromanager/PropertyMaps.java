package org.micromanager;

/** Compile-only stub: Micro-Manager 2.0's factory of property maps. */
public final class PropertyMaps {
    private PropertyMaps() {
    }

    public static PropertyMap.Builder builder() {
        throw new UnsupportedOperationException("compile-only stub: Micro-Manager provides PropertyMaps at run time");
    }
}
