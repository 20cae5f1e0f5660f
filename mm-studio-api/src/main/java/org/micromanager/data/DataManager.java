package org.micromanager.data;

/** Compile-only stub: the part of Micro-Manager 2.0's data manager that flowscope uses. */
public interface DataManager {
    /** Tells Micro-Manager that a processor's settings changed, so that the pipeline is rebuilt from them. */
    void notifyPipelineChanged();
}
