package org.micromanager.data;

/** Compile-only stub with Micro-Manager 2.0's signatures (an interface with defaults since 2.0). */
public interface Processor {
    default SummaryMetadata processSummaryMetadata(SummaryMetadata source) {
        return source;
    }

    void processImage(Image image, ProcessorContext context);

    default void cleanup(ProcessorContext context) {
    }
}
