package org.flowscope.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscope.app.FlowscopeCli;
import org.flowscope.app.run.RunReport;
import org.flowscope.app.run.RunReportFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview page in a real headless Chromium during a simulated live run: it loads, its images and plots update as
 * the run goes on, and a screenshot is kept as a test artefact ({@code app/target/preview-screenshot.png}).
 */
class PreviewPageChromiumTest {
    private static final Pattern URL = Pattern.compile("live preview at (http://\\S+)");
    private static final String STATE = "JSON.stringify(window.flowscopePreview || null)";

    @TempDir
    Path dir;

    @Test
    void thePreviewPageShowsImagesAndPlotsThatUpdateWhileASimulatedRunGoesOn() throws Exception {
        Path chromium = HeadlessChromium.find().orElse(null);
        Assumptions.assumeTrue(chromium != null, "no Chromium (install Debian's chromium, as .ci/run does): preview page not tested");
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        Path run = dir.resolve("run");
        CompletableFuture<Integer> live = CompletableFuture.supplyAsync(() -> FlowscopeCli.execute(new String[] {
                "live", "--source", "sim:size=96x96,seed=5,driftx=0.02", "--fps", "100", "--frames", "1000",
                "--window", "20", "--op", "average", "--drift", "--quality", "--every", "2", "--no-history",
                "--out", run.toString(), "--preview", "0"}, new PrintWriter(out, true), new PrintWriter(err, true)));
        URI page = awaitUrl(err, live);
        try (HeadlessChromium browser = new HeadlessChromium(chromium, page, dir.resolve("profile"))) {
            JsonNode first = await(browser, s -> s.path("images").path("sr").asInt() >= 1
                    && s.path("images").path("raw").asInt() >= 1 && s.path("plotted").path("rate").asInt() >= 1
                    && s.path("plotted").path("drift").asInt() >= 1, live, err);
            JsonNode later = await(browser, s -> s.path("images").path("sr").asInt() > first.path("images").path("sr").asInt()
                    && s.path("images").path("raw").asInt() > first.path("images").path("raw").asInt()
                    && s.path("plotted").path("drift").asInt() > first.path("plotted").path("drift").asInt()
                    && s.path("plotted").path("rate").asInt() > first.path("plotted").path("rate").asInt()
                    && s.path("plotted").path("quality").asInt() >= 1, live, err);
            assertTrue(later.path("version").asLong() > first.path("version").asLong(), later.toString());
            assertEquals(0, later.path("imageErrors").asInt(), later.toString());
            // the images are drawn, not blank, and the tables are filled
            assertTrue(browser.evaluate(brightest("sr")).asInt() > 0, "the SR canvas has content");
            assertTrue(browser.evaluate(brightest("raw")).asInt() > 0, "the raw canvas has content");
            assertTrue(browser.evaluate("document.getElementById('stats').textContent").asText().contains("frames acquired"));
            assertTrue(browser.evaluate("document.querySelectorAll('#plot-drift canvas').length").asInt() > 0, "uPlot drew");
            assertTrue(browser.evaluate("document.getElementById('engine').textContent").asText().contains("cross-correlation"),
                    "the engine's choice per operation is shown");
            byte[] png = browser.screenshot();
            Path shot = Path.of("target", "preview-screenshot.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, png);
            assertTrue(png.length > 10_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG screenshot: " + png.length);
        }
        assertEquals(0, live.get(120, TimeUnit.SECONDS), err.toString());
        RunReport report = RunReportFile.read(run.resolve("run.json"));
        JsonNode preview = report.sections().get("preview");
        assertTrue(preview.path("resultsShown").asLong() > 0, preview.toString());
        assertTrue(preview.path("counts").path("eventsSent").asLong() > 0, preview.toString());
        assertTrue(report.parameters().preview().startsWith("http://127.0.0.1:"), report.parameters().toString());
    }

    private static String brightest(String canvas) {
        return "(() => { const c = document.getElementById('" + canvas + "'); const d = c.getContext('2d')"
                + ".getImageData(0, 0, c.width, c.height).data; let m = 0; for (let i = 0; i < d.length; i += 4) "
                + "{ m = Math.max(m, d[i]); } return m; })()";
    }

    private static URI awaitUrl(StringWriter err, CompletableFuture<Integer> live) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            Matcher m = URL.matcher(err.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            if (live.isDone()) {
                throw new AssertionError("the run ended before serving a preview: exit " + live.get() + "\n" + err);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no preview URL printed within 60 s:\n" + err);
    }

    private static JsonNode await(HeadlessChromium browser, Predicate<JsonNode> ready, CompletableFuture<Integer> live,
                                  StringWriter err) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        JsonNode state = null;
        while (System.nanoTime() < end) {
            String text = browser.evaluate(STATE).asText();
            state = text.equals("null") ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            if (state != null && ready.test(state)) {
                return state;
            }
            if (live.isDone() && state != null && "DONE".equals(state.path("phase").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the page did not get there; its state: " + state + "\nrun:\n" + err
                + "\nchromium: " + browser.log());
    }
}
