package org.flowscope.app.preview;

import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code live}/{@code serve} options of the preview page. */
public final class PreviewOptions {
    /** The port {@code --preview} without a value listens on. */
    public static final int DEFAULT_PORT = 7371;

    @Option(names = "--preview", arity = "0..1", paramLabel = "PORT", fallbackValue = "" + DEFAULT_PORT,
            description = "Serve a live preview page (latest SR and raw frames, drift, resolution, rates, drops, engine "
                    + "choices) on PORT (default " + DEFAULT_PORT + "; 0 = any free port); the URL is printed on stderr.")
    Integer port;

    @Option(names = "--preview-bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address the preview listens on (default: ${DEFAULT-VALUE}); anything but loopback requires --preview-token.")
    String bind;

    @Option(names = "--preview-token", paramLabel = "T",
            description = "Secret the preview's browsers must present (the printed URL carries it).")
    String token;

    /** The port to serve on, empty without {@code --preview}. */
    public Optional<Integer> port() {
        return Optional.ofNullable(port);
    }

    public String bind() {
        return bind;
    }

    public Optional<String> token() {
        return Optional.ofNullable(token);
    }
}
