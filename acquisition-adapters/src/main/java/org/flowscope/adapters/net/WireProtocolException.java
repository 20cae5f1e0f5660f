package org.flowscope.adapters.net;

/** A client broke the wire protocol; {@link #code()} is the error code sent back to it. */
public class WireProtocolException extends RuntimeException {
    private final int code;

    public WireProtocolException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** One of the {@code WireProtocol.ERR_*} codes. */
    public int code() {
        return code;
    }
}
