package org.micromanager;

/** Compile-only stub: Micro-Manager 2.0's application object; flowscope only receives and keeps it. */
public interface Studio {
}
