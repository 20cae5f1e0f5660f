package org.flowscope.methods.nlmfast;

import org.flowscope.methods.nlm.NlmOptions;
import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Mixin;

/** {@code flowscope process nlm-fast}: fast non-local-means denoising ({@link NlmFast}), frame by frame. */
public final class NlmFastCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Mixin
        NlmOptions nlm = new NlmOptions();
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return NlmFast.ID;
    }

    @Override
    public String[] description() {
        return new String[] {"Fast non-local-means denoising (uniform patch weights: NanoPyx's unthreaded algorithm,",
                "scikit-image fast_mode=True). A different result from 'process nlm' (classic, Gaussian-weighted patches)."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        NlmOptions o = options.nlm;
        return o.run(ctx, new NlmFast(), new NlmFastParams(o.patchSize(), o.patchDistance(), o.h(), o.sigma()));
    }
}
