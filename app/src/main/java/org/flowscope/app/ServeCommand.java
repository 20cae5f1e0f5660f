package org.flowscope.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code flowscope serve}: accept frame streams from the Micro-Manager plugin (or any client of the wire protocol,
 * docs/wire-protocol.md) and run them through the {@code live} pipeline. It is {@code live --source serve}: every
 * other option of {@code live} ({@code --window}, {@code --save-raw}, the operators' options...) applies.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Receive frames over TCP (Micro-Manager plugin, wire protocol v1) and run the live pipeline on them.",
                "Equivalent to 'flowscope live --source serve'; all options of 'flowscope live' apply.",
                "The run starts when the first client connects; Ctrl-C (or --frames, or --exit-on-end) ends it."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", defaultValue = "7370", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); anything but loopback requires --token.")
    String bind;

    @Option(names = "--token", paramLabel = "T", description = "Shared secret clients must present.")
    String token;

    @Option(names = "--op", paramLabel = "NAME", required = true,
            description = "Operator per window (as for live); clients asking for another operation are refused.")
    String op;

    @Option(names = "--idle-timeout", paramLabel = "S", defaultValue = "60",
            description = {"Close a client's connection after S seconds without a message from it (default: "
                    + "${DEFAULT-VALUE}; 0 = never), counted in run.json 'serve.idleTimeouts'.",
                    "The service takes 4 clients at a time: idle ones would otherwise keep the microscope's out."})
    String idleTimeout;

    @Unmatched
    List<String> liveOptions = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("live", "--source", "serve:op=" + op, "--op", op,
                "--port", Integer.toString(port), "--bind", bind, "--idle-timeout", idleTimeout));
        if (token != null) {
            args.add("--token");
            args.add(token);
        }
        args.addAll(liveOptions);
        CommandLine self = spec.commandLine();
        return FlowscopeCli.commandLine(self.getOut(), self.getErr()).execute(args.toArray(String[]::new));
    }
}
