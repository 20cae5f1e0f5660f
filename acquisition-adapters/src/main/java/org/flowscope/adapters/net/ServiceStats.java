package org.flowscope.adapters.net;

/**
 * Counters of a {@link ServedFrameSource}, for the progress line and {@code run.json}.
 *
 * @param clientsAccepted    connections that completed the handshake
 * @param clientsRejected    connections refused at the handshake (bad magic, version, token, format, busy)
 * @param framesAccepted     frames handed to the pipeline (never lost afterwards)
 * @param bytesAccepted      pixel bytes of those frames
 * @param framesRefused      complete frames refused (oversized, malformed, over the frame limit)
 * @param incompleteFrames   frames cut off by a dropped connection (never accepted, so never counted above)
 * @param protocolErrors     connections closed for breaking the protocol after the handshake
 * @param droppedConnections connections that ended without the END message
 * @param idleTimeouts       connections the service closed because the client sent nothing for the idle timeout
 */
public record ServiceStats(long clientsAccepted, long clientsRejected, long framesAccepted, long bytesAccepted,
                           long framesRefused, long incompleteFrames, long protocolErrors, long droppedConnections,
                           long idleTimeouts) {

    /** One-line summary for the progress line. */
    public String summary() {
        return "served " + framesAccepted + " frames from " + clientsAccepted + " clients (" + clientsRejected
                + " refused, " + incompleteFrames + " cut off, " + protocolErrors + " protocol errors, " + idleTimeouts
                + " closed idle)";
    }
}
