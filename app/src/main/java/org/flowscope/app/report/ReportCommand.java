package org.flowscope.app.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.flowscope.app.CliOutput;
import org.flowscope.app.ExitCodes;
import org.flowscope.app.run.RunReportFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowscope report DIR}: (re)builds a run folder's {@code report.html} from its {@code run.json} and files. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"Rebuild report.html of a live/serve run folder from its run.json and files (self-contained HTML: "
                + "inputs, parameters, first/last/mean reconstruction, drift, FRC and resolution trend, engine decisions, "
                + "counters, versions, machine)."})
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    CliOutput out;

    @Parameters(index = "0", paramLabel = "DIR", description = "The run's output folder (holding run.json).")
    Path dir;

    @Option(names = "--squirrel",
            description = "Also compute the SQUIRREL error map of the mean reconstruction against the mean raw frame "
                    + "(needs raw.tif: a run recorded with --save-raw).")
    boolean squirrel;

    /**
     * What {@code report --json} prints.
     *
     * @param report   the file written
     * @param status   the run's status
     * @param squirrel RSE of the SQUIRREL check, when computed
     */
    record Result(String report, String status, Double squirrelRse) {
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        var run = RunReportFile.read(dir.resolve(RunReportFile.NAME));
        if (run.sections().containsKey("blocks") && run.sections().containsKey("operation")) {
            // a batch acquisition's run.json has its own form; its report.html was written by the batch itself
            throw new IllegalArgumentException(dir + " is an acquisition folder of flowscope batch (run.json lists "
                    + "its Spark tasks); its report.html is written by the batch, not rebuilt by flowscope report");
        }
        Optional<SquirrelCheck.Result> check = Optional.empty();
        if (squirrel) {
            Path result = run.outputs() != null && run.outputs().result() != null
                    ? dir.resolve(Path.of(run.outputs().result()).getFileName()) : dir.resolve("result.tif");
            Path raw = run.outputs() != null && run.outputs().raw() != null
                    ? dir.resolve(Path.of(run.outputs().raw()).getFileName()) : dir.resolve("raw.tif");
            check = Optional.of(SquirrelCheck.run(result, raw));
        }
        Path file = RunFolderReport.write(dir, check);
        out.result(new Result(file.toString(), run.status(), check.map(SquirrelCheck.Result::rse).orElse(null)),
                "wrote " + file + (check.isPresent() ? String.format(java.util.Locale.ROOT, " (SQUIRREL RSE %.4g, RSP %.4f)",
                        check.get().rse(), check.get().rsp()) : ""));
        return ExitCodes.OK;
    }
}
