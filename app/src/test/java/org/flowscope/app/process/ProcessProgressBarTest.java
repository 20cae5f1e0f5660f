package org.flowscope.app.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.flowscope.app.live.status.Decisions;
import org.flowscope.app.progress.TerminalLine;
import org.flowscope.engine.agent.Reason;
import org.junit.jupiter.api.Test;

class ProcessProgressBarTest {
    @Test
    void stepsACommandReportsGiveTheFractionAndAnEta() {
        StringWriter err = new StringWriter();
        try (ProcessProgressBar bar = new ProcessProgressBar(new TerminalLine(new PrintWriter(err), TerminalLine.Mode.QUIET, 0))) {
            bar.phase("reading in.tif");
            bar.start("SQUIRREL, frames", 10);
            bar.advance(5);
            String line = bar.render(System.nanoTime() + 2_000_000_000L);
            assertTrue(line.startsWith("[============            ]  50% SQUIRREL, frames 5/10 | reading in.tif | "), line);
            assertTrue(line.contains("ETA "), line);
        }
        assertEquals("", err.toString(), "quiet: nothing printed");
    }

    @Test
    void anEngineCallShowsTheChosenImplementationAndItsExpectedTime() {
        try (ProcessProgressBar bar = new ProcessProgressBar(new TerminalLine(new PrintWriter(new StringWriter()),
                TerminalLine.Mode.QUIET, 0))) {
            bar.accept(Decisions.of(1, "esrrf", 1, Reason.FASTEST_PREDICTED, ""));
            String line = bar.render(System.nanoTime() + 25_000_000L);
            // expected 50 ms, 25 ms in: about half done
            assertTrue(line.matches("\\[=+ +\\] +[3-6]\\d% esrrf on esrrf\\.cpu@CPU .*"), line);
            bar.accept(Decisions.of(2, "esrrf", 1, Reason.FASTEST_PREDICTED, ""));
            assertTrue(bar.render(System.nanoTime()).contains("(engine call 2)"));
            bar.phase("writing out.tif");
            String writing = bar.render(System.nanoTime());
            assertTrue(writing.startsWith("[") && writing.contains("<=>") && writing.contains("writing out.tif"), writing);
        }
    }

    @Test
    void theBarIsQuietWithJsonAndWithoutATerminal() {
        assertEquals(TerminalLine.Mode.QUIET, TerminalLine.modeFor(true, true));
        assertEquals(TerminalLine.Mode.QUIET, TerminalLine.modeFor(true, false));
        // the test JVM has no console: process bars stay quiet, live's line goes to the log
        assertEquals(TerminalLine.Mode.QUIET, TerminalLine.modeFor(false, true));
        assertEquals(TerminalLine.Mode.PLAIN, TerminalLine.modeFor(false, false));
    }

    @Test
    void inPlaceLinesAreRewrittenAndClearedWithoutLeavingText() {
        StringWriter err = new StringWriter();
        TerminalLine line = new TerminalLine(new PrintWriter(err), TerminalLine.Mode.IN_PLACE, 0);
        line.show("long progress text");
        line.show("short");
        line.clear();
        assertEquals("\rlong progress text\rshort             \r     \r", err.toString());
    }
}
