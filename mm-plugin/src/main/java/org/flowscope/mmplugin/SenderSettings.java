package org.flowscope.mmplugin;

/** Where and how the plugin streams: the values of the configuration dialog, validated. Immutable. */
public final class SenderSettings {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7370;
    public static final int DEFAULT_QUEUE = 64;

    private final String host;
    private final int port;
    private final String token;
    private final String operation;
    private final String parameters;
    private final int queueCapacity;
    private final String clientName;

    /**
     * @param queueCapacity frames held between Micro-Manager's pipeline and the sender thread; when full, new
     *                      frames are counted as undelivered instead of blocking Micro-Manager
     * @throws IllegalArgumentException naming the rule and the value
     */
    public SenderSettings(String host, int port, String token, String operation, String parameters,
                          int queueCapacity, String clientName) {
        if (host == null || host.trim().isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in [1, 65535], got " + port);
        }
        if (queueCapacity < 1 || queueCapacity > 100_000) {
            throw new IllegalArgumentException("queue capacity must be in [1, 100000] frames, got " + queueCapacity);
        }
        this.host = host.trim();
        this.port = port;
        this.token = token == null ? "" : token;
        this.operation = operation == null ? "" : operation.trim();
        this.parameters = parameters == null ? "" : parameters.trim();
        this.queueCapacity = queueCapacity;
        this.clientName = clientName == null ? "" : clientName;
    }

    /** Loopback on the default port, no token, any operation. */
    public static SenderSettings defaults() {
        return new SenderSettings(DEFAULT_HOST, DEFAULT_PORT, "", "", "", DEFAULT_QUEUE, "flowscope-mm-plugin");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String token() {
        return token;
    }

    public String operation() {
        return operation;
    }

    public String parameters() {
        return parameters;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    public String clientName() {
        return clientName;
    }

    @Override
    public String toString() {
        return host + ":" + port + (operation.isEmpty() ? "" : " op " + operation)
                + (token.isEmpty() ? "" : " (token set)") + ", queue " + queueCapacity;
    }
}
