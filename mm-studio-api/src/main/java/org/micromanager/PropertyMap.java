package org.micromanager;

/** Compile-only stub: the parts of Micro-Manager 2.0's immutable key/value map that flowscope uses. */
public interface PropertyMap {
    /** Builder of Micro-Manager 2.0 property maps. */
    interface Builder {
        PropertyMap build();

        Builder putString(String key, String value);

        Builder putInteger(String key, Integer value);
    }

    String getString(String key, String aDefault);

    int getInteger(String key, int aDefault);
}
