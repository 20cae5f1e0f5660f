package org.flowscope.adapters.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a {@link ServedFrameSource} listens and what it admits.
 *
 * @param bind              address to bind; loopback unless a token is given
 * @param port              TCP port, 0 for an ephemeral one
 * @param token             shared secret clients must present; required when {@code bind} is not loopback
 * @param operation         the operation the service runs; a client that asks for another one is refused
 * @param maxFrameBytes     largest pixel payload accepted, bytes
 * @param maxClients        concurrent client connections
 * @param frameLimit        stop after accepting this many frames; empty for open-ended
 * @param stopWhenClientEnds stop once a client has ended its stream cleanly and all its frames are accepted
 * @param handshakeTimeoutMs time a client has to complete its handshake
 * @param idleTimeoutMs      after the handshake, how long the service waits for bytes of a client's next message
 *                           before it closes the connection (0 = forever); idle clients would otherwise hold the
 *                           slots ({@code maxClients}) and keep the microscope's client out
 */
public record FrameServiceConfig(
        String bind,
        int port,
        Optional<String> token,
        Optional<String> operation,
        long maxFrameBytes,
        int maxClients,
        OptionalLong frameLimit,
        boolean stopWhenClientEnds,
        int handshakeTimeoutMs,
        long idleTimeoutMs) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 7370;
    public static final long DEFAULT_MAX_FRAME_BYTES = 64L << 20;
    public static final int DEFAULT_MAX_CLIENTS = 4;
    public static final int DEFAULT_HANDSHAKE_TIMEOUT_MS = 5_000;
    /** Long enough for a time-lapse with pauses of under a minute; the plugin reconnects after a longer one. */
    public static final long DEFAULT_IDLE_TIMEOUT_MS = 60_000;

    public FrameServiceConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(frameLimit, "frameLimit");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        if (maxFrameBytes < 1 || maxFrameBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("max frame size must be in [1, 2^31-9] bytes, got " + maxFrameBytes);
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("max clients must be >= 1, got " + maxClients);
        }
        if (frameLimit.isPresent() && frameLimit.getAsLong() < 1) {
            throw new IllegalArgumentException("frame limit must be >= 1, got " + frameLimit.getAsLong());
        }
        if (handshakeTimeoutMs < 1) {
            throw new IllegalArgumentException("handshake timeout must be >= 1 ms, got " + handshakeTimeoutMs);
        }
        if (idleTimeoutMs < 0) {
            throw new IllegalArgumentException("idle timeout must be >= 0 ms (0 = none), got " + idleTimeoutMs);
        }
        token = token.filter(t -> !t.isEmpty());
        if (token.isPresent() && token.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                > WireProtocol.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("token must be at most " + WireProtocol.MAX_STRING_BYTES + " bytes");
        }
        if (!isLoopback(bind) && token.isEmpty()) {
            throw new IllegalArgumentException("binding to " + bind + " (not loopback) requires a token (--token T): "
                    + "anyone who can reach the port could otherwise stream frames into the run");
        }
    }

    /** Loopback on the default port, no token, open-ended. */
    public static FrameServiceConfig loopback(int port) {
        return new FrameServiceConfig(DEFAULT_BIND, port, Optional.empty(), Optional.empty(), DEFAULT_MAX_FRAME_BYTES,
                DEFAULT_MAX_CLIENTS, OptionalLong.empty(), false, DEFAULT_HANDSHAKE_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS);
    }

    public FrameServiceConfig withToken(String value) {
        return new FrameServiceConfig(bind, port, Optional.ofNullable(value), operation, maxFrameBytes, maxClients,
                frameLimit, stopWhenClientEnds, handshakeTimeoutMs, idleTimeoutMs);
    }

    public FrameServiceConfig withOperation(String value) {
        return new FrameServiceConfig(bind, port, token, Optional.ofNullable(value), maxFrameBytes, maxClients,
                frameLimit, stopWhenClientEnds, handshakeTimeoutMs, idleTimeoutMs);
    }

    public FrameServiceConfig withMaxFrameBytes(long value) {
        return new FrameServiceConfig(bind, port, token, operation, value, maxClients, frameLimit, stopWhenClientEnds,
                handshakeTimeoutMs, idleTimeoutMs);
    }

    public FrameServiceConfig withFrameLimit(OptionalLong value) {
        return new FrameServiceConfig(bind, port, token, operation, maxFrameBytes, maxClients, value, stopWhenClientEnds,
                handshakeTimeoutMs, idleTimeoutMs);
    }

    public FrameServiceConfig withStopWhenClientEnds(boolean value) {
        return new FrameServiceConfig(bind, port, token, operation, maxFrameBytes, maxClients, frameLimit, value,
                handshakeTimeoutMs, idleTimeoutMs);
    }

    public FrameServiceConfig withHandshakeTimeoutMs(int value) {
        return new FrameServiceConfig(bind, port, token, operation, maxFrameBytes, maxClients, frameLimit,
                stopWhenClientEnds, value, idleTimeoutMs);
    }

    public FrameServiceConfig withIdleTimeoutMs(long value) {
        return new FrameServiceConfig(bind, port, token, operation, maxFrameBytes, maxClients, frameLimit,
                stopWhenClientEnds, handshakeTimeoutMs, value);
    }

    public FrameServiceConfig withMaxClients(int value) {
        return new FrameServiceConfig(bind, port, token, operation, maxFrameBytes, value, frameLimit,
                stopWhenClientEnds, handshakeTimeoutMs, idleTimeoutMs);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve bind address '" + host + "'", e);
        }
    }
}
