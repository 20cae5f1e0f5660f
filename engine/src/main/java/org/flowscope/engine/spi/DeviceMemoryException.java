package org.flowscope.engine.spi;

/** A device cannot hold what a run needs. */
public class DeviceMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long requestedBytes;
    private final long availableBytes;

    public DeviceMemoryException(String what, long requestedBytes, long availableBytes) {
        super(what + ": needs " + requestedBytes + " bytes, device allows " + availableBytes);
        this.requestedBytes = requestedBytes;
        this.availableBytes = availableBytes;
    }

    public long requestedBytes() {
        return requestedBytes;
    }

    public long availableBytes() {
        return availableBytes;
    }
}
