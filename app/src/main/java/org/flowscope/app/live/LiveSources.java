package org.flowscope.app.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscope.adapters.replay.ReplayRate;
import org.flowscope.adapters.replay.Recordings;
import org.flowscope.adapters.replay.ReplaySource;
import org.flowscope.core.io.FrameStackReader;
import org.flowscope.core.source.FrameSource;
import org.flowscope.simulators.camera.Pacing;
import org.flowscope.simulators.camera.SimulatedCamera;

/** The {@code --source} schemes of {@code live}: append one line per scheme to {@link #create()}. */
public final class LiveSources {
    /** Frames a simulated run delivers when {@code --frames} is not given, so the README demo ends by itself. */
    public static final long DEFAULT_SIM_FRAMES = 2000;

    private LiveSources() {
    }

    public static List<SourceFactory> create() {
        List<SourceFactory> all = new ArrayList<>();
        all.add(new Sim());
        all.add(new Replay());
        return all;
    }

    /** Opens {@code spec} ("scheme[:rest]") with the matching factory. */
    public static FrameSource open(List<SourceFactory> factories, String spec, Double fps, Long frames) {
        int colon = spec.indexOf(':');
        String scheme = colon < 0 ? spec : spec.substring(0, colon);
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        Map<String, SourceFactory> byScheme = new LinkedHashMap<>();
        factories.forEach(f -> byScheme.put(f.scheme(), f));
        SourceFactory f = byScheme.get(scheme);
        if (f == null) {
            throw new IllegalArgumentException("unknown source '" + spec + "': use one of "
                    + String.join(", ", factories.stream().map(SourceFactory::usage).toList()));
        }
        return f.open(rest, fps, frames);
    }

    static final class Sim implements SourceFactory {
        @Override
        public String scheme() {
            return "sim";
        }

        @Override
        public String usage() {
            return "sim[:key=value,...]";
        }

        @Override
        public FrameSource open(String rest, Double fps, Long frames) {
            Map<String, String> keys = SimSpec.pairs(rest);
            if (frames != null && frames < 1) {
                throw new IllegalArgumentException("--frames must be >= 1, got " + frames);
            }
            if (fps != null && (fps < 0 || fps.isNaN() || fps.isInfinite())) {
                throw new IllegalArgumentException("--fps must be >= 0 (0 = as fast as possible), got " + fps);
            }
            Pacing pacing = keys.containsKey("pacing") ? Pacing.parse(keys.get("pacing"))
                    : fps != null && fps == 0 ? Pacing.AS_FAST_AS_POSSIBLE : Pacing.REAL_TIME;
            double rate = fps != null && fps > 0 ? fps : 0;
            var params = SimSpec.params(keys, frames == null ? DEFAULT_SIM_FRAMES : frames, rate);
            return new SimulatedCamera(params, pacing, SimSpec.renderThreads(keys, params.camera()));
        }
    }

    static final class Replay implements SourceFactory {
        @Override
        public String scheme() {
            return "replay";
        }

        @Override
        public String usage() {
            return "replay:FILE|DIR";
        }

        @Override
        public FrameSource open(String rest, Double fps, Long frames) {
            if (rest.isBlank()) {
                throw new IllegalArgumentException("replay needs a recording: --source replay:FILE (TIFF) or replay:DIR"
                        + " (NDTiff dataset, OME-Zarr folder)");
            }
            if (frames != null && frames < 1) {
                throw new IllegalArgumentException("--frames must be >= 1, got " + frames);
            }
            if (fps != null && (fps < 0 || fps.isNaN() || fps.isInfinite())) {
                throw new IllegalArgumentException("--fps must be >= 0 (0 = as fast as possible), got " + fps);
            }
            // the reader follows the recording's form: NDTiff dataset, OME-Zarr folder or TIFF file
            FrameStackReader reader = Recordings.open(Path.of(rest));
            try {
                ReplayRate rate;
                if (fps != null) {
                    rate = fps == 0 ? ReplayRate.asFastAsPossible() : ReplayRate.fixed(fps);
                } else {
                    rate = reader.metadata().frameIntervalMs().isPresent() ? ReplayRate.recorded() : ReplayRate.asFastAsPossible();
                }
                return new ReplaySource(reader, rate, frames == null ? 0 : frames);
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        }
    }
}
