package org.flowscope.app;

/** Process exit codes of the {@code flowscope} command, shown by every command's {@code --help}. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Usage error: unknown option, missing or malformed argument. */
    public static final int USAGE = 2;
    /** Bad input: a file or value that breaks a rule (missing/corrupt TIFF, window larger than the stack, ...). */
    public static final int BAD_INPUT = 3;
    /** Runtime failure: I/O error, device failure, anything unexpected. */
    public static final int RUNTIME_FAILURE = 4;

    private ExitCodes() {
    }
}
