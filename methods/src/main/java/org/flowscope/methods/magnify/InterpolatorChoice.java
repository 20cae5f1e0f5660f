package org.flowscope.methods.magnify;

import java.util.Arrays;
import java.util.Locale;
import org.flowscope.methods.numerics.interpolation.Border;
import org.flowscope.methods.numerics.interpolation.Interpolator;
import org.flowscope.methods.numerics.interpolation.Kernel;
import org.flowscope.methods.numerics.interpolation.Normalisation;
import org.flowscope.methods.numerics.interpolation.Sampling;

/**
 * The interpolators a user picks by name ({@code --interpolator}), and which member of the interpolation family each
 * name is in either geometry ({@code --geometry}).
 *
 * <ul>
 *   <li>{@link Sampling#NANOPYX}: NanoPyx 2.1.2's kernels exactly (spec &sect;1.1): taps outside the image skipped,
 *       a query outside the image is 0, Catmull-Rom and bilinear not normalised (edges attenuate), bicubic and
 *       Lanczos normalised by the weights of the taps used, Lanczos a = 4 on 5 asymmetric taps, nearest neighbour
 *       truncating toward zero.</li>
 *   <li>{@link Sampling#CENTRED}: the same kernels made geometrically sound: taps beyond the edge repeat the edge
 *       pixel (so edges neither attenuate nor ring against an artificial zero), weights that do not sum to one are
 *       normalised, Lanczos is the symmetric Lanczos-3 on its full 6-tap support (NanoPyx's Lanczos reads 5 of the 8
 *       taps of a = 4, cut asymmetrically), nearest neighbour is the pixel that contains the position. With edge
 *       taps repeated, NanoPyx's bicubic and Catmull-Rom are one interpolator: both are Keys' cubic with a = -0.5
 *       and differ in NanoPyx only in how a skipped tap is normalised.</li>
 * </ul>
 * {@link #FOURIER} is not a tap kernel: it is the {@code magnify-fourier} operation.
 */
public enum InterpolatorChoice {
    NEAREST("nearest", Kernel.NEAREST),
    BILINEAR("bilinear", Kernel.LINEAR),
    BICUBIC("bicubic", Kernel.CATMULL_ROM),
    CATMULL_ROM("catmull-rom", Kernel.CATMULL_ROM),
    LANCZOS("lanczos", Kernel.LANCZOS3),
    FOURIER("fourier", Kernel.FOURIER);

    private final String cliName;
    private final Kernel centredKernel;

    InterpolatorChoice(String cliName, Kernel centredKernel) {
        this.cliName = cliName;
        this.centredKernel = centredKernel;
    }

    /** The name on the command line, e.g. {@code catmull-rom}. */
    public String cliName() {
        return cliName;
    }

    /** Whether this is a tap kernel (every choice but {@link #FOURIER}). */
    public boolean spatial() {
        return this != FOURIER;
    }

    /** The family member this name stands for in {@code geometry}; IllegalArgumentException for {@link #FOURIER}. */
    public Interpolator interpolator(Sampling geometry) {
        if (!spatial()) {
            throw new IllegalArgumentException("fourier has no spatial kernel; it is the magnify-fourier operation");
        }
        if (geometry == Sampling.NANOPYX) {
            return switch (this) {
                case NEAREST -> Interpolator.NANOPYX_NEAREST;
                // NanoPyx's C bilinear kernel (no LE class uses it): taps outside skipped, not normalised
                case BILINEAR -> new Interpolator(Kernel.LINEAR, Border.NANOPYX, Normalisation.NONE);
                case BICUBIC -> Interpolator.NANOPYX_BICUBIC;
                case CATMULL_ROM -> Interpolator.NANOPYX_CATMULL_ROM;
                case LANCZOS -> Interpolator.NANOPYX_LANCZOS;
                case FOURIER -> throw new AssertionError(this);
            };
        }
        return new Interpolator(centredKernel, Border.NEAREST, Normalisation.UNIT_SUM);
    }

    /**
     * The choice named {@code text}: a {@link #cliName()} or the enum name, case-insensitive, '-' and '_' alike
     * ({@code catmull_rom}, NanoPyx's spelling, works); NanoPyx's {@code nearest_neighbor} too.
     */
    public static InterpolatorChoice parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("nearest-neighbor") || t.equals("nearest-neighbour")) {
            return NEAREST;
        }
        for (InterpolatorChoice c : values()) {
            if (c.cliName.equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("interpolator must be one of " + names() + ", got '" + text + "'");
    }

    /** The command-line names, e.g. for messages. */
    public static String names() {
        return String.join("|", Arrays.stream(values()).map(InterpolatorChoice::cliName).toList());
    }

    @Override
    public String toString() {
        return cliName;
    }
}
