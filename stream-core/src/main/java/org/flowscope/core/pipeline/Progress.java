package org.flowscope.core.pipeline;

import java.util.Map;

/**
 * A snapshot for the progress line.
 *
 * @param frames          frames ingested so far
 * @param framesPerSecond ingest rate over the last interval
 * @param latencyMs       median latency (frame ingest → result written) of recent windows, ms
 * @param drops           frames lost by the camera plus windows skipped anywhere
 * @param windows         windows analysed
 * @param fields          extra fields from stages and side branches, label → value
 */
public record Progress(long frames, double framesPerSecond, double latencyMs, long drops, long windows,
                       Map<String, String> fields) {

    /** "frames 1200 | 99.8 fps | latency 35 ms | drops 0 | windows 12 | key value ...". */
    public String line() {
        StringBuilder sb = new StringBuilder(String.format("frames %d | %.1f fps | latency %.0f ms | drops %d | windows %d",
                frames, framesPerSecond, latencyMs, drops, windows));
        fields.forEach((k, v) -> sb.append(" | ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
