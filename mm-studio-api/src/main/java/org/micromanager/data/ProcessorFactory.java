package org.micromanager.data;

/** Compile-only stub with Micro-Manager 2.0's signature. */
public interface ProcessorFactory {
    Processor createProcessor();
}
