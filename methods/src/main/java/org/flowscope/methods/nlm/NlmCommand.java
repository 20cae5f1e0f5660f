package org.flowscope.methods.nlm;

import org.flowscope.methods.spi.OfflineCommand;
import org.flowscope.methods.spi.ProcessContext;
import picocli.CommandLine.Mixin;

/** {@code flowscope process nlm}: classic non-local-means denoising ({@link Nlm}), frame by frame. */
public final class NlmCommand implements OfflineCommand {
    /** The command's own options. */
    public static final class Options {
        @Mixin
        NlmOptions nlm = new NlmOptions();
    }

    private final Options options = new Options();

    @Override
    public String name() {
        return Nlm.ID;
    }

    @Override
    public String[] description() {
        return new String[] {"Classic non-local-means denoising (Gaussian-weighted patches, NanoPyx's threaded/OpenCL algorithm).",
                "Each pixel becomes the weighted mean of the pixels within --patch-distance whose --patch-size patches look",
                "alike; 'process nlm-fast' is the faster integral-image algorithm (uniform patch weights), a different result."};
    }

    @Override
    public Object options() {
        return options;
    }

    @Override
    public Outcome run(ProcessContext ctx) {
        NlmOptions o = options.nlm;
        return o.run(ctx, new Nlm(), new NlmParams(o.patchSize(), o.patchDistance(), o.h(), o.sigma()));
    }
}
