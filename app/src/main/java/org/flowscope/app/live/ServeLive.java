package org.flowscope.app.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.flowscope.adapters.net.FrameServiceConfig;
import org.flowscope.adapters.net.ServedFrameSource;
import org.flowscope.core.source.FrameSource;
import picocli.CommandLine.Option;

/**
 * The {@code serve} source of {@code live}: frames streamed by the Micro-Manager plugin or any client of the
 * wire protocol ({@code docs/wire-protocol.md}). {@code flowscope serve} is {@code live --source serve}.
 */
public final class ServeLive implements LiveExtension {
    private final Options options = new Options();

    /** {@code live} options of the serve source. */
    public static final class Options {
        @Option(names = "--port", paramLabel = "P", defaultValue = "7370",
                description = "With --source serve: TCP port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
        int port;

        @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
                description = "With --source serve: address to listen on (default: ${DEFAULT-VALUE}); "
                        + "anything but loopback requires --token.")
        String bind;

        @Option(names = "--token", paramLabel = "T",
                description = "With --source serve: shared secret clients must present.")
        String token;

        @Option(names = "--max-frame-mb", paramLabel = "MB", defaultValue = "64",
                description = "With --source serve: largest frame accepted, MiB (default: ${DEFAULT-VALUE}).")
        int maxFrameMb;

        @Option(names = "--idle-timeout", paramLabel = "S", defaultValue = "60",
                description = "With --source serve: close a client's connection after S seconds without a message "
                        + "from it (default: ${DEFAULT-VALUE}; 0 = never), so that idle clients cannot hold all "
                        + FrameServiceConfig.DEFAULT_MAX_CLIENTS + " client slots.")
        double idleTimeoutS;

        @Option(names = "--exit-on-end",
                description = "With --source serve: finish the run when a client ends its stream.")
        boolean exitOnEnd;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public List<SourceFactory> sources() {
        return List.of(SourceFactory.of("serve",
                "serve[:op=NAME] (frames from the Micro-Manager plugin or any wire-protocol client; see --port)",
                this::openServe));
    }

    private FrameSource openServe(String rest, Double fps, Long frames) {
        Optional<String> operation = Optional.empty();
        if (!rest.isBlank()) {
            if (!rest.startsWith("op=") || rest.length() == 3 || rest.contains(",")) {
                throw new IllegalArgumentException("the serve source takes only op=NAME (the operation clients "
                        + "may ask for); listening settings come from --port, --bind and --token; got 'serve:"
                        + rest + "'");
            }
            operation = Optional.of(rest.substring(3));
        }
        if (frames != null && frames < 1) {
            throw new IllegalArgumentException("--frames must be >= 1, got " + frames);
        }
        if (options.maxFrameMb < 1 || options.maxFrameMb > 2047) {
            throw new IllegalArgumentException("--max-frame-mb must be in [1, 2047], got " + options.maxFrameMb);
        }
        if (!(options.idleTimeoutS >= 0) || options.idleTimeoutS > 86_400) {
            throw new IllegalArgumentException("--idle-timeout must be in [0, 86400] seconds (0 = never), got "
                    + options.idleTimeoutS);
        }
        FrameServiceConfig config = new FrameServiceConfig(options.bind, options.port,
                Optional.ofNullable(options.token), operation, (long) options.maxFrameMb << 20,
                FrameServiceConfig.DEFAULT_MAX_CLIENTS,
                frames == null ? OptionalLong.empty() : OptionalLong.of(frames), options.exitOnEnd,
                FrameServiceConfig.DEFAULT_HANDSHAKE_TIMEOUT_MS, Math.round(options.idleTimeoutS * 1000));
        try {
            ServedFrameSource source = ServedFrameSource.start(config);
            // The bound port matters with --port 0; the run starts only when a client connects.
            System.err.println("flowscope: listening on " + config.bind() + ":" + source.address().getPort()
                    + (config.token().isPresent() ? " (token required)" : "")
                    + "; waiting for the first client (wire protocol v1)");
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
