package org.flowscope.adapters.mm;

/**
 * MMCore refused a call or could not be loaded. The message names the call and carries MMCore's own text
 * (MMCore reports every error as a plain {@link Exception}).
 */
public class MmCoreException extends RuntimeException {
    public MmCoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public MmCoreException(String message) {
        super(message);
    }
}
