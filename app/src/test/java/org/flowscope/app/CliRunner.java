package org.flowscope.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures stdout, stderr and the exit code. */
public final class CliRunner {
    private CliRunner() {
    }

    public record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowscopeCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
