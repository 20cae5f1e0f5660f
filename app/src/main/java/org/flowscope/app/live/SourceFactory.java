package org.flowscope.app.live;

import org.flowscope.core.source.FrameSource;

/**
 * Opens the {@code --source} of {@code live} for one scheme ({@code sim}, {@code replay}, {@code mm}, ...). Register
 * new schemes in {@link LiveSources#create()}.
 */
public interface SourceFactory {
    /** The scheme before the first ':' of {@code --source}. */
    String scheme();

    /** One line for {@code --help}. */
    String usage();

    /**
     * Opens the source. {@code rest} is what follows "scheme:" (may be empty). {@code fps} is {@code --fps}
     * (null when not given, 0 = as fast as possible); {@code frames} is {@code --frames} (null when not given).
     * Throws {@link IllegalArgumentException} for bad specs or files.
     */
    FrameSource open(String rest, Double fps, Long frames);

    /** A factory made of its scheme, usage line and opening function. */
    static SourceFactory of(String scheme, String usage, Opener opener) {
        return new SourceFactory() {
            @Override
            public String scheme() {
                return scheme;
            }

            @Override
            public String usage() {
                return usage;
            }

            @Override
            public FrameSource open(String rest, Double fps, Long frames) {
                return opener.open(rest, fps, frames);
            }
        };
    }

    /** {@link #open} as a function, for {@link #of}. */
    @FunctionalInterface
    interface Opener {
        FrameSource open(String rest, Double fps, Long frames);
    }
}
