package org.flowscope.methods.registration;

import java.util.Objects;
import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;

/**
 * Applies a {@link RegistrationResult}: channel c becomes {@code out(p) = in_c(p + v_c(p))}, where {@code v_c} is
 * the channel's global translation (GLOBAL) or its local field (LOCAL, falling back to the global translation
 * for channels without a field). The reference channel is copied. Sampling uses pixel centres at k + 0.5 on both
 * sides, so unlike NanoPyx's {@code align_channels} (spec &sect;9.3) there is no half-pixel displacement of the
 * corrected channels against the untouched reference.
 */
public final class ChannelAlignment {
    /** Which part of the registration to apply. */
    public enum Mode {
        GLOBAL,
        LOCAL
    }

    private ChannelAlignment() {
    }

    public static ImageStack apply(ImageStack channels, RegistrationResult reg, Mode mode, Kernel interpolator) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(interpolator, "interpolator");
        int h = channels.height();
        int w = channels.width();
        if (channels.frames() != reg.channels().size() || h != reg.height() || w != reg.width()) {
            throw new IllegalArgumentException("registration is for " + reg.channels().size() + " channels of "
                    + reg.height() + "x" + reg.width() + ", but the input has " + channels.frames() + " of " + h + "x" + w);
        }
        if (mode == Mode.LOCAL && interpolator == Kernel.FOURIER) {
            throw new IllegalArgumentException("a local field cannot be applied with the FOURIER interpolator; use LANCZOS3,"
                    + " CATMULL_ROM or LINEAR");
        }
        Interpolator resampler = Interpolator.normalised(interpolator, Border.ZERO);
        ImageStack out = ImageStack.zeros(channels.frames(), h, w);
        for (int c = 0; c < channels.frames(); c++) {
            ChannelShift s = reg.channel(c);
            if (Math.abs(s.dx()) >= w || Math.abs(s.dy()) >= h) {
                throw new IllegalArgumentException("channel " + c + " shift (" + s.dx() + ", " + s.dy()
                        + ") px is not smaller than the image " + w + "x" + h);
            }
            if (c == reg.referenceChannel() || (s.dx() == 0 && s.dy() == 0 && s.field() == null)) {
                System.arraycopy(channels.data(), channels.offset(c), out.data(), out.offset(c), h * w);
            } else if (mode == Mode.GLOBAL || s.field() == null) {
                resampler.shift(channels.data(), channels.offset(c), h, w, -s.dx(), -s.dy(), out.data(), out.offset(c));
            } else {
                float[][] v = s.field().dense(h, w);
                resampler.warp(channels.data(), channels.offset(c), h, w, v[0], v[1], out.data(), out.offset(c));
            }
        }
        return out;
    }
}
