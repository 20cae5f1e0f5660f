package org.flowscope.spark;

import java.io.Serializable;
import org.flowscope.methods.esrrf.EsrrfParams;
import org.flowscope.methods.esrrf.Geometry;
import org.flowscope.methods.esrrf.TemporalCorrelation;

/**
 * {@link EsrrfParams} in a form Spark can ship to its executors (task closures are Java-serialised and the
 * parameter record is not {@link Serializable}); {@link #params()} rebuilds and so re-validates them there.
 */
public record EsrrfSettings(int magnification, float radius, float sensitivity, boolean intensityWeighting,
        TemporalCorrelation temporal, boolean macroPixelCorrection, int framesPerTimePoint, Geometry geometry)
        implements Serializable {

    public static EsrrfSettings of(EsrrfParams p) {
        return new EsrrfSettings(p.magnification(), p.radius(), p.sensitivity(), p.intensityWeighting(), p.temporal(),
                p.macroPixelCorrection(), p.framesPerTimePoint(), p.geometry());
    }

    public EsrrfParams params() {
        return new EsrrfParams(magnification, radius, sensitivity, intensityWeighting, temporal, macroPixelCorrection,
                framesPerTimePoint, geometry);
    }
}
