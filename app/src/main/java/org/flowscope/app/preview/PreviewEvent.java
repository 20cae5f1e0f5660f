package org.flowscope.app.preview;

import java.util.List;
import org.flowscope.app.live.status.LiveSnapshot;

/**
 * One Server-Sent Event of the preview page: the run's state, the latest images' descriptions (their pixels are
 * fetched by URL) and the plot series so far. Each event is complete, so a browser that missed some (latest wins)
 * loses nothing it needs.
 *
 * @param version     event number, from 1
 * @param status      the run's snapshot
 * @param banner      what is being lost, in words; null when nothing is
 * @param sr          the latest reconstruction; null before the first
 * @param raw         the latest raw frame; null before the first
 * @param drift       drift trace: [seconds, dx, dy] rows
 * @param driftUnit   "px" or "nm"
 * @param quality     resolution trend: [seconds, FRC of the raw halves, decorrelation of the reconstruction] rows
 * @param qualityUnit "px" or "nm"
 * @param rate        throughput: [seconds, frames/s, latency ms] rows
 * @param preview     what the preview itself dropped (latest wins)
 */
public record PreviewEvent(long version, LiveSnapshot status, String banner, ImageInfo sr, ImageInfo raw,
                           List<double[]> drift, String driftUnit, List<double[]> quality, String qualityUnit,
                           List<double[]> rate, Counts preview) {
    /**
     * An image available at {@code url}.
     *
     * @param version image number (the URL changes with it)
     * @param url     where its PNG is (relative, token appended by the page)
     * @param label   what it shows (e.g. "window 12", "frame 1200")
     * @param lo      intensity drawn black
     * @param hi      intensity drawn white
     * @param width   source width, px
     * @param height  source height, px
     * @param scale   source pixels per PNG pixel
     */
    public record ImageInfo(long version, String url, String label, double lo, double hi, int width, int height, int scale) {
    }

    /**
     * The preview's own losses: a slow browser only ever misses updates, it never slows the run.
     *
     * @param clients           browsers connected now
     * @param eventsSent        events written to browsers
     * @param eventsSuperseded  events a browser never got because a newer one replaced them while it was busy
     * @param imagesEncoded     images encoded for browsers
     * @param imagesSuperseded  images replaced by a newer one before any browser was sent them
     */
    public record Counts(int clients, long eventsSent, long eventsSuperseded, long imagesEncoded, long imagesSuperseded) {
    }
}
