package org.flowscope.app.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live preview page, served by the JDK's own HTTP server ({@code com.sun.net.httpserver}, module
 * jdk.httpserver). It suffices here: a handful of local browsers, a page, four static files, PNGs and one
 * Server-Sent Events stream per browser, which is plain chunked HTTP; no WebSocket or routing library is needed, and
 * the CLI gains no dependency. Each browser's event stream has a thread of its own that waits on the
 * {@link PreviewHub}, so a slow browser only delays itself.
 *
 * <p>Access: bound to loopback by default. Any other address needs a token; with a token, the data (events, images,
 * state) is served only to requests that carry it ({@code ?token=} or {@code Authorization: Bearer}); the page and
 * its scripts hold no data. Without a token, requests must name the server by a loopback host, so a web page
 * elsewhere cannot read the preview through a rebound DNS name.
 */
public final class PreviewServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PreviewServer.class);
    /** Browsers that may follow the events at once; more get 503. */
    static final int MAX_STREAMS = 8;
    private static final long KEEPALIVE_MS = 10_000;
    private static final Map<String, String> STATIC = Map.of(
            "preview.js", "text/javascript", "preview.css", "text/css",
            "uPlot.iife.min.js", "text/javascript", "uPlot.min.css", "text/css");

    private final HttpServer server;
    private final ExecutorService executor;
    private final PreviewHub hub;
    private final Optional<String> token;
    private final boolean loopback;
    private final AtomicInteger streams = new AtomicInteger();
    private final URI url;

    private PreviewServer(HttpServer server, ExecutorService executor, PreviewHub hub, Optional<String> token,
                          boolean loopback, URI url) {
        this.server = server;
        this.executor = executor;
        this.hub = hub;
        this.token = token;
        this.loopback = loopback;
        this.url = url;
    }

    /**
     * Starts serving {@code hub} on {@code bind:port} (port 0: any free port). A non-loopback address without a token,
     * or a port in use, is an IllegalArgumentException naming the option and the value.
     */
    public static PreviewServer start(PreviewHub hub, String bind, int port, Optional<String> token) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--preview port must be in [0, 65535], got " + port);
        }
        if (token.isPresent() && token.get().isBlank()) {
            throw new IllegalArgumentException("--preview-token must not be blank");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (IOException e) {
            throw new IllegalArgumentException("--preview-bind '" + bind + "' is not an address of this machine: " + e.getMessage(), e);
        }
        boolean loopback = address.isLoopbackAddress();
        if (!loopback && token.isEmpty()) {
            throw new IllegalArgumentException("--preview-bind " + bind + " is not a loopback address: anyone on the "
                    + "network could watch the run; add --preview-token T (browsers then open the URL with ?token=T)");
        }
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "flowscope-preview");
            t.setDaemon(true);
            return t;
        });
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 16);
        } catch (BindException e) {
            executor.shutdownNow();
            throw new IllegalArgumentException("--preview port " + port + " on " + bind + " is in use: choose another "
                    + "with --preview PORT, or --preview 0 for any free port", e);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start the preview server on " + bind + ":" + port, e);
        }
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        URI url = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/"
                + token.map(t -> "?token=" + java.net.URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse(""));
        PreviewServer preview = new PreviewServer(server, executor, hub, token, loopback, url);
        server.createContext("/", preview::handle);
        server.setExecutor(executor);
        server.start();
        return preview;
    }

    /** The page's address (with the token when there is one). */
    public URI url() {
        return url;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                send(ex, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!hostAllowed(ex)) {
                send(ex, 403, "text/plain", "host not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals("/") || path.equals("/index.html")) {
                send(ex, 200, "text/html; charset=utf-8", resource("index.html"));
            } else if (path.startsWith("/static/") && STATIC.containsKey(path.substring(8))) {
                send(ex, 200, STATIC.get(path.substring(8)) + "; charset=utf-8", resource(path.substring(8)));
            } else if (!authorised(ex)) {
                send(ex, 401, "text/plain", "token required: open the URL flowscope printed (with ?token=...)\n"
                        .getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/events")) {
                events(ex);
            } else if (path.equals("/state.json")) {
                PreviewEvent e = hub.latest();
                send(ex, 200, "application/json", PreviewJson.write(e).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/image/sr.png") || path.equals("/image/raw.png")) {
                byte[] png = hub.png(path.substring(7, path.length() - 4));
                if (png == null) {
                    send(ex, 404, "text/plain", "no image yet\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(ex, 200, "image/png", png);
                }
            } else {
                send(ex, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.debug("preview request ended: {}", e.toString());
        }
    }

    private void events(HttpExchange ex) throws IOException {
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            send(ex, 503, "text/plain", ("at most " + MAX_STREAMS + " browsers at once\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        hub.connected();
        try {
            headers(ex, "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            long seen = 0;
            while (true) {
                PreviewEvent e = hub.await(seen, KEEPALIVE_MS);
                if (e == null) {
                    if (hub.closed()) {
                        return;
                    }
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                } else {
                    out.write(("id: " + e.version() + "\ndata: " + PreviewJson.write(e) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    hub.sent(seen, e.version());
                    seen = e.version();
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.disconnected();
            streams.decrementAndGet();
        }
    }

    private boolean authorised(HttpExchange ex) {
        if (token.isEmpty()) {
            return true;
        }
        String given = null;
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            given = auth.substring(7).trim();
        }
        String query = ex.getRequestURI().getRawQuery();
        if (given == null && query != null) {
            for (String part : query.split("&")) {
                if (part.startsWith("token=")) {
                    given = URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8);
                }
            }
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.get().getBytes(StandardCharsets.UTF_8));
    }

    private boolean hostAllowed(HttpExchange ex) {
        if (!loopback || token.isPresent()) {
            return true;
        }
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return true;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceAll(":\\d+$", "");
        return name.equals("localhost") || name.equals("[::1]") || name.startsWith("127.");
    }

    private static void headers(HttpExchange ex, String type) {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'");
    }

    private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
        headers(ex, type);
        ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        String path = name.startsWith("uPlot") ? "vendor/" + name : name;
        try (InputStream in = PreviewServer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing resource " + path);
            }
            return in.readAllBytes();
        }
    }

    /** Ends the event streams (each sends what it has not sent yet), then stops the server. */
    @Override
    public void close() {
        hub.close();
        long end = System.nanoTime() + 2_000_000_000L;
        while (streams.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
