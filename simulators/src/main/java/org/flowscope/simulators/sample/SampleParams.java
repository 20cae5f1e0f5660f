package org.flowscope.simulators.sample;

import java.util.Objects;

/**
 * The sample: emitter structure, blinking and brightness.
 *
 * @param pattern          where emitters sit
 * @param densityPerUm2    emitters per square micrometre of field (for every pattern), &gt; 0
 * @param filaments        number of filaments (FILAMENTS only), &ge; 1
 * @param photonsPerFrame  photons an emitter emits per frame while on, &gt; 0
 * @param backgroundPhotons uniform background, photons per pixel per frame, &ge; 0
 * @param pOn              probability per frame that an off emitter switches on, in [0, 1]
 * @param pOff             probability per frame that an on emitter switches off, in [0, 1]
 * @param psfSigmaNm       standard deviation of the Gaussian PSF, nm, &gt; 0
 */
public record SampleParams(Pattern pattern, double densityPerUm2, int filaments, double photonsPerFrame,
                           double backgroundPhotons, double pOn, double pOff, double psfSigmaNm) {
    public SampleParams {
        Objects.requireNonNull(pattern, "pattern");
        positive("density (emitters per um^2)", densityPerUm2);
        positive("photons per frame", photonsPerFrame);
        positive("PSF sigma (nm)", psfSigmaNm);
        if (filaments < 1) {
            throw new IllegalArgumentException("filaments must be >= 1, got " + filaments);
        }
        if (!(backgroundPhotons >= 0) || !Double.isFinite(backgroundPhotons)) {
            throw new IllegalArgumentException("background photons must be >= 0, got " + backgroundPhotons);
        }
        probability("pOn", pOn);
        probability("pOff", pOff);
    }

    /** Filaments, 2 emitters/um^2, 500 photons, 10 background photons, on 5% / off 30% per frame, 120 nm PSF. */
    public static SampleParams defaults() {
        return new SampleParams(Pattern.FILAMENTS, 2.0, 6, 500, 10, 0.05, 0.3, 120);
    }

    public SampleParams withPattern(Pattern p) {
        return new SampleParams(p, densityPerUm2, filaments, photonsPerFrame, backgroundPhotons, pOn, pOff, psfSigmaNm);
    }

    public SampleParams withDensity(double d) {
        return new SampleParams(pattern, d, filaments, photonsPerFrame, backgroundPhotons, pOn, pOff, psfSigmaNm);
    }

    public SampleParams withPhotons(double p) {
        return new SampleParams(pattern, densityPerUm2, filaments, p, backgroundPhotons, pOn, pOff, psfSigmaNm);
    }

    public SampleParams withBackground(double b) {
        return new SampleParams(pattern, densityPerUm2, filaments, photonsPerFrame, b, pOn, pOff, psfSigmaNm);
    }

    public SampleParams withBlinking(double on, double off) {
        return new SampleParams(pattern, densityPerUm2, filaments, photonsPerFrame, backgroundPhotons, on, off, psfSigmaNm);
    }

    public SampleParams withPsfSigmaNm(double s) {
        return new SampleParams(pattern, densityPerUm2, filaments, photonsPerFrame, backgroundPhotons, pOn, pOff, s);
    }

    /** Long-run fraction of time an emitter is on: pOn / (pOn + pOff). */
    public double dutyCycle() {
        return pOn + pOff == 0 ? 0 : pOn / (pOn + pOff);
    }

    private static void positive(String what, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v);
        }
    }

    private static void probability(String what, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + v);
        }
    }
}
