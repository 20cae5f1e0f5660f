package org.flowscope.methods.spi;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.flowscope.core.image.ImageStack;
import org.flowscope.core.io.StackMetadata;
import org.flowscope.core.io.TiffStack;
import org.flowscope.engine.Engine;
import org.flowscope.engine.RunOptions;

/** What a {@code process} command gets from the CLI: its input, the engine, and safe ways to write outputs. */
public interface ProcessContext {
    /** The {@code --input} file; IllegalArgumentException when several were given to a command that takes one. */
    Path input();

    /** Every {@code --input} file, in order (commands that combine files, e.g. channels). */
    java.util.List<Path> inputs();

    /** Reads {@code file} as a float32 stack (bad or unsupported files: IllegalArgumentException naming the problem). */
    TiffStack read(Path file);

    /** The command's engine, built from the engine options (created on first use). */
    Engine engine();

    /** The engine selection of the command line ({@code --backend}, {@code --implementation}, {@code --device}). */
    RunOptions selection();

    /**
     * Checks that {@code file} may be written: distinct from the input, parent writable, and absent unless
     * {@code --overwrite}. Call it before long work so that a bad output path fails first.
     */
    void checkWritable(Path file);

    /** Writes a float32 stack to {@code file} in the chosen output format, atomically (temporary name + rename). */
    void writeStack(Path file, ImageStack stack, StackMetadata metadata);

    /** Writes a text file (CSV, JSON) atomically. */
    void writeText(Path file, String text);

    /** Notes for humans on stderr (quiet with {@code --json}). */
    PrintWriter log();

    /** Where a command that loops over frames or blocks reports its steps (shown as a progress bar on a terminal). */
    default ProcessProgress progress() {
        return ProcessProgress.NONE;
    }
}
