package org.flowscope.simulators.sample;

import java.util.Locale;

/** Where emitters sit. */
public enum Pattern {
    /** Curved lines across the field (microtubule-like), emitters placed uniformly along them. */
    FILAMENTS,
    /** A square grid whose spacing follows from the density. */
    GRID,
    /** Uniformly random positions. */
    RANDOM;

    public static Pattern parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown pattern '" + s + "': use filaments, grid or random");
        }
    }
}
