package org.flowscope.spark;

import java.io.PrintWriter;
import org.apache.spark.api.java.JavaSparkContext;
import org.flowscope.app.FlowscopeCli;
import picocli.CommandLine;

/**
 * The batch runner's own entry point: {@code ./flowscope batch ...} starts it (with Spark on the class path), and it
 * is the main class of {@code spark-submit}. It lives here, not in {@code app}, so the CLI of a CPU or GPU
 * workstation never carries Spark; it follows the CLI's conventions (exit codes, {@code --json}, error messages).
 */
public final class BatchMain {
    private BatchMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code flowscope batch} with the given streams; the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, null);
    }

    /** Runs {@code flowscope batch} on an existing Spark context (left running), or its own when null. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, JavaSparkContext context) {
        CommandLine cl = new CommandLine(new BatchCommand(context));
        cl.getCommandSpec().name("flowscope batch");
        return FlowscopeCli.configure(cl, out, err).execute(args);
    }
}
