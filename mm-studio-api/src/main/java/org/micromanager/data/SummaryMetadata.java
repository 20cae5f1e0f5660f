package org.micromanager.data;

/** Compile-only stub: Micro-Manager 2.0's dataset-level metadata; flowscope passes it through unchanged. */
public interface SummaryMetadata {
}
