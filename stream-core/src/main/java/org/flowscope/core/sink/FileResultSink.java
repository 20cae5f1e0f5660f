package org.flowscope.core.sink;

import java.nio.file.Path;

/** A {@link ResultSink} that writes a file (or a folder, for OME-Zarr) and can say how much it wrote. */
public interface FileResultSink extends ResultSink {
    /** The output's final name. */
    Path file();

    /** Result frames written so far. */
    long framesWritten();
}
