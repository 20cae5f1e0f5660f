package org.flowscope.app.live;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.flowscope.adapters.mm.MmCoreLoader;
import org.flowscope.adapters.mm.MmCorePort;
import org.flowscope.adapters.mm.MmCoreSource;
import org.flowscope.adapters.mm.MmInstallation;
import org.flowscope.adapters.mm.MmSourceSpec;
import org.flowscope.core.pipeline.RunSummary;
import org.flowscope.core.source.FrameSource;
import picocli.CommandLine.Option;

/**
 * The {@code mm:} source of {@code live}: a Micro-Manager camera driven through the user's MMCore installation.
 * A finite run ({@code --frames N}) that lost frames makes the command exit with code 4 unless {@code --allow-loss}.
 */
public final class MmLive implements LiveExtension {
    private final Options options = new Options();
    private final Function<MmInstallation, MmCorePort> coreLoader;
    private volatile MmCoreSource opened;

    /** Loads MMCore from the installation ({@link MmCoreLoader}). */
    public MmLive() {
        this(MmCoreLoader::load);
    }

    /** With another core loader (tests use a scripted core; an embedding controller may share its own). */
    public MmLive(Function<MmInstallation, MmCorePort> coreLoader) {
        this.coreLoader = coreLoader;
    }

    /** {@code live} options of the mm: source. */
    public static final class Options {
        @Option(names = "--mm-home", paramLabel = "DIR",
                description = "Micro-Manager installation for --source mm:... (MMCoreJ.jar under DIR, libMMCoreJ_wrap.so "
                        + "and libmmgr_dal_*.so.0 in DIR); default: $MM_HOME.")
        Path mmHome;

        @Option(names = "--allow-loss",
                description = "With --source mm: and --frames, exit 0 even when the camera lost frames (default: exit 4).")
        boolean allowLoss;
    }

    @Override
    public String name() {
        return "mm";
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public List<SourceFactory> sources() {
        return List.of(SourceFactory.of("mm",
                "mm:config=FILE.cfg[,...] or mm:module=M,device=D[,label=L][,exposure=MS][,roi=x:y:w:h][,binning=N]"
                        + "[,buffer=MB][,Prop=Value...] (a Micro-Manager camera through MMCore; see --mm-home)",
                (rest, fps, frames) -> openSource(rest, frames)));
    }

    private FrameSource openSource(String rest, Long frames) {
        MmSourceSpec spec = MmSourceSpec.parse(MmSourceSpec.SCHEME + rest);
        if (frames != null && frames < 1) {
            throw new IllegalArgumentException("--frames must be >= 1, got " + frames);
        }
        MmInstallation installation = MmInstallation.locate(
                MmInstallation.resolveHome(Optional.ofNullable(options.mmHome), System.getenv()));
        MmCoreSource source = MmCoreSource.open(coreLoader.apply(installation), spec,
                frames == null ? OptionalLong.empty() : OptionalLong.of(frames));
        opened = source;
        return source;
    }

    @Override
    public Optional<String> failure(RunSummary summary) {
        MmCoreSource source = opened;
        return source == null ? Optional.empty() : source.lossFailure(options.allowLoss);
    }
}
