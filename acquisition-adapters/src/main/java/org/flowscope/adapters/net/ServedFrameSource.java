package org.flowscope.adapters.net;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscope.core.pipeline.RunContributor;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.SourceFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames streamed to flowscope over TCP by the Micro-Manager plugin or any client of the wire protocol
 * ({@code docs/wire-protocol.md}), as a {@link FrameSource}.
 *
 * <p>{@link #start} binds and accepts clients at once, each on its own thread. The first accepted handshake fixes
 * the stream's format ({@link #format()} waits for it); later clients must send the same. {@link #run} hands every
 * received frame to the consumer on the calling thread. A frame counts as accepted once the consumer has
 * returned; from then on it is the pipeline's, and a client's later failure cannot take it back. A misbehaving
 * client (wrong magic or version, bad token, oversized or malformed frame, dropped connection) gets an error
 * message and loses its connection; the service and the other clients carry on.
 *
 * <p>{@link #run} returns after {@link #stop()} (or the frame limit, or a client's END when so configured) once
 * every frame already received has been handed over.
 */
public final class ServedFrameSource implements FrameSource, RunContributor {
    private static final Logger LOG = LoggerFactory.getLogger(ServedFrameSource.class);
    private static final int READY_CAPACITY = 8;

    private final FrameServiceConfig config;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final BlockingQueue<ClientConnection.Received> ready = new ArrayBlockingQueue<>(READY_CAPACITY);
    private final CompletableFuture<SourceFormat> format = new CompletableFuture<>();
    private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger admittedClients = new AtomicInteger();
    private final AtomicInteger clientNumber = new AtomicInteger();
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicBoolean runStarted = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile boolean runEnded;

    private final ServiceCounters counters = new ServiceCounters();
    private final Thread watchdog;

    private ServedFrameSource(FrameServiceConfig config, ServerSocketChannel server) {
        this.config = config;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "flowscope-serve-accept");
        acceptor.setDaemon(true);
        this.watchdog = new Thread(this::idleWatchdog, "flowscope-serve-idle");
        watchdog.setDaemon(true);
    }

    /**
     * Binds {@code config.bind():config.port()} and starts accepting clients.
     *
     * @throws IOException when the address cannot be bound (port in use, address not local)
     */
    public static ServedFrameSource start(FrameServiceConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.socket().setReuseAddress(true);
            server.socket().setReceiveBufferSize(1 << 22);
            server.bind(new InetSocketAddress(InetAddress.getByName(config.bind()), config.port()), 16);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ServedFrameSource source = new ServedFrameSource(config, server);
        source.acceptor.start();
        if (config.idleTimeoutMs() > 0) {
            source.watchdog.start();
        }
        LOG.info("flowscope service listening on {}:{}{}", config.bind(), server.socket().getLocalPort(),
                config.token().isPresent() ? " (token required)" : "");
        return source;
    }

    /** The address clients connect to (the bound port when 0 was asked for). */
    public InetSocketAddress address() {
        return new InetSocketAddress(server.socket().getInetAddress(), server.socket().getLocalPort());
    }

    FrameServiceConfig config() {
        return config;
    }

    /** The stream's format, once the first client's handshake has fixed it. */
    public Optional<SourceFormat> knownFormat() {
        return Optional.ofNullable(format.getNow(null));
    }

    /** Waits for the first client's handshake. */
    @Override
    public SourceFormat format() {
        while (true) {
            try {
                return format.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (stopping) {
                    throw new IllegalStateException("the service stopped before any client connected");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the first client", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public void run(FrameConsumer consumer) throws Exception {
        Objects.requireNonNull(consumer, "consumer");
        if (!runStarted.compareAndSet(false, true)) {
            throw new IllegalStateException("a ServedFrameSource runs once");
        }
        try {
            while (true) {
                ClientConnection.Received frame = ready.poll(20, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    deliver(consumer, frame);
                } else if (stopping && connections.isEmpty() && ready.isEmpty()) {
                    return;
                }
            }
        } catch (Exception | Error e) {
            stop();
            throw e;
        } finally {
            runEnded = true;
            ClientConnection.Received left;
            while ((left = ready.poll()) != null) {
                left.owner().frameDiscarded(left.slot());
            }
        }
    }

    private void deliver(FrameConsumer consumer, ClientConnection.Received frame) {
        boolean accepted = false;
        try {
            consumer.accept(frame.metadata(), frame.pixels());
            accepted = true;
        } finally {
            if (accepted) {
                frame.owner().frameAccepted(frame.slot());
            } else {
                frame.owner().frameDiscarded(frame.slot());
            }
        }
        long n = counters.frameAccepted((long) frame.pixels().length() * frame.metadata().pixelType().bytes());
        if (config.frameLimit().isPresent() && n >= config.frameLimit().getAsLong()) {
            LOG.info("frame limit of {} reached", n);
            stop();
        }
    }

    /** Stops accepting clients and frames; {@link #run} returns once the frames already received are handed over. */
    @Override
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        watchdog.interrupt();
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing the listening socket: {}", e.getMessage());
        }
        connections.forEach(ClientConnection::close);
    }

    @Override
    public void close() {
        stop();
        try {
            acceptor.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counters so far; safe from any thread. */
    public ServiceStats stats() {
        return counters.snapshot();
    }

    @Override
    public String section() {
        return "serve";
    }

    /**
     * The {@code serve} section of run.json: where the service listened and what its clients delivered.
     *
     * @param address         bind address and port
     * @param tokenRequired   whether clients had to present a token
     * @param protocolVersion the wire protocol's version
     * @param clients         what the clients delivered (flattened)
     */
    public record Section(String address, boolean tokenRequired, int protocolVersion, @JsonUnwrapped ServiceStats clients) {
    }

    @Override
    public Section runJsonSection() {
        return new Section(config.bind() + ":" + server.socket().getLocalPort(), config.token().isPresent(),
                WireProtocol.VERSION, stats());
    }

    @Override
    public Map<String, String> progressFields() {
        ServiceStats s = stats();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("clients", admittedClients.get() + " (" + s.clientsRejected() + " refused)");
        fields.put("net cut", Long.toString(s.incompleteFrames() + s.framesRefused()));
        return fields;
    }

    /**
     * Closes the connections whose clients have sent nothing for the idle timeout. A thread blocked in a channel
     * read ignores socket timeouts, so the check is made from outside, a few times per timeout period.
     */
    private void idleWatchdog() {
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(config.idleTimeoutMs());
        long periodMs = Math.max(10, Math.min(1_000, config.idleTimeoutMs() / 4));
        while (!stopping) {
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (ClientConnection connection : connections) {
                if (connection.idleLongerThan(timeoutNanos, now)) {
                    connection.closeIdle();
                }
            }
        }
    }

    private void acceptLoop() {
        while (!stopping) {
            SocketChannel socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!stopping) {
                    LOG.error("the service stopped accepting clients: {}", e.getMessage());
                    stop();
                }
                return;
            }
            ClientConnection connection = new ClientConnection(this, socket);
            connections.add(connection);
            if (stopping) {
                connection.close();
            }
            Thread thread = new Thread(connection, "flowscope-client-" + clientNumber.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }
    }

    // ---- called by ClientConnection threads ----

    boolean stopping() {
        return stopping;
    }

    boolean runEnded() {
        return runEnded;
    }

    /** Checks token, operation, capacity and format; the first admitted client fixes the format. */
    void admit(ClientHello hello) {
        if (config.token().isPresent() && !MessageDigest.isEqual(
                config.token().get().getBytes(StandardCharsets.UTF_8), hello.token().getBytes(StandardCharsets.UTF_8))) {
            throw new WireProtocolException(WireProtocol.ERR_BAD_TOKEN,
                    hello.token().isEmpty() ? "this service requires a token" : "wrong token");
        }
        if (config.operation().isPresent() && !hello.operation().isEmpty()
                && !hello.operation().equals(config.operation().get())) {
            throw new WireProtocolException(WireProtocol.ERR_WRONG_OPERATION, "this service runs '"
                    + config.operation().get() + "'; the client asked for '" + hello.operation() + "'");
        }
        if (stopping) {
            throw new WireProtocolException(WireProtocol.ERR_STOPPED, "the service is shutting down");
        }
        long frameBytes = (long) hello.width() * hello.height() * hello.pixelType().bytes();
        if (frameBytes > config.maxFrameBytes()) {
            throw new WireProtocolException(WireProtocol.ERR_FRAME_TOO_LARGE, hello.width() + "x" + hello.height()
                    + " " + hello.pixelType() + " frames of " + frameBytes + " bytes exceed this service's limit of "
                    + config.maxFrameBytes() + " bytes");
        }
        if (admittedClients.incrementAndGet() > config.maxClients()) {
            admittedClients.decrementAndGet();
            throw new WireProtocolException(WireProtocol.ERR_BUSY,
                    "the service already serves " + config.maxClients() + " clients");
        }
        SourceFormat wanted = new SourceFormat(hello.width(), hello.height(), hello.pixelType(), config.frameLimit(),
                OptionalDouble.empty(), WireProtocol.pixelSizeNm(hello.pixelSizeNm(), "handshake"));
        synchronized (format) {
            format.complete(wanted);
            SourceFormat fixed = format.join();
            if (fixed.width() != wanted.width() || fixed.height() != wanted.height()
                    || fixed.pixelType() != wanted.pixelType()) {
                admittedClients.decrementAndGet();
                throw new WireProtocolException(WireProtocol.ERR_BAD_FORMAT, "the client streams " + wanted.width() + "x"
                        + wanted.height() + " " + wanted.pixelType() + " but this service's run is " + fixed.width()
                        + "x" + fixed.height() + " " + fixed.pixelType() + "; start another service for another format");
            }
        }
        counters.clientAccepted();
    }

    /** Reserves one frame against the frame limit; false when the service takes no more frames. */
    boolean reserveFrame() {
        if (stopping) {
            return false;
        }
        return config.frameLimit().isEmpty() || reserved.incrementAndGet() <= config.frameLimit().getAsLong();
    }

    void enqueue(ClientConnection.Received frame) throws InterruptedException, IOException {
        while (!ready.offer(frame, 100, TimeUnit.MILLISECONDS)) {
            if (runEnded) {
                frame.owner().frameDiscarded(frame.slot());
                throw new IOException("the service's run has ended");
            }
        }
    }

    /** The counters the client threads bump (refused frames, protocol errors, dropped and idle connections). */
    ServiceCounters counters() {
        return counters;
    }

    void clientEnded() {
        if (config.stopWhenClientEnds()) {
            LOG.info("a client ended its stream; stopping the service");
            stop();
        }
    }

    void clientGone(ClientConnection connection, boolean admitted) {
        if (admitted) {
            admittedClients.decrementAndGet();
        }
        connections.remove(connection);
    }
}
