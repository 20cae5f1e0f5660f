package org.flowscope.methods.spi;

/**
 * A {@code flowscope process <name>} subcommand: the file-in, file-out twin of an operation. The CLI adds the parts
 * every such command shares ({@code --input}, {@code --overwrite}, {@code --json}, the engine selection
 * {@code --backend|--implementation|--device}, {@code --explain}, {@code --store}, {@code --no-history}) and this
 * command's picocli-annotated {@link #options()}, then calls {@link #run} with a {@link ProcessContext}.
 */
public interface OfflineCommand {
    /** Subcommand name, e.g. "esrrf", "drift-estimate". */
    String name();

    /** Usage description lines (the first is the summary). */
    String[] description();

    /** A picocli {@code @Option}/{@code @ArgGroup}-annotated object with this command's own options. */
    Object options();

    /**
     * Does the work: reads {@link ProcessContext#input()}, runs operations on {@link ProcessContext#engine()} with
     * {@link ProcessContext#selection()}, writes through the context (which refuses to replace files without
     * {@code --overwrite} and never leaves a complete-looking partial file). Throws IllegalArgumentException for
     * bad input (exit 3); anything else is a runtime failure (exit 4).
     */
    Outcome run(ProcessContext context) throws Exception;

    /**
     * What a command reports.
     *
     * @param report  a record serialised as the {@code --json} result (Jackson)
     * @param summary the human summary line(s)
     */
    record Outcome(Object report, String summary) {
    }
}
