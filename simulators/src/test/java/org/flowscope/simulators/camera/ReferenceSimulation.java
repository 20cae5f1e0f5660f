package org.flowscope.simulators.camera;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.special.Gamma;
import org.flowscope.simulators.sample.Emitter;
import org.flowscope.simulators.sample.Structures;

/**
 * The simulated camera's renderer as it was before parallel rendering (commit 1e9568a): one thread, the JDK's
 * {@link SplittableRandom}, a binary search in the background table, PTRS with eager logarithms, the PSF added
 * emitter by emitter. Kept unchanged as the reference that the fast renderer must reproduce bit for bit.
 */
final class ReferenceSimulation {
    private final SimulationParams params;
    private final CameraParams cam;
    private final List<Emitter> emitters;
    private final boolean[] on;
    private final double sigmaInv;
    private final int radius;
    private final SplittableRandom blinkRng;
    private final SplittableRandom driftRng;
    private final SplittableRandom noiseRng;
    private final double[] expected;
    private final double bgLambda;
    private final double[] cdf;
    private double walkX;
    private double walkY;
    private long frame;

    ReferenceSimulation(SimulationParams params) {
        this.params = params;
        this.cam = params.camera();
        SplittableRandom root = new SplittableRandom(params.seed());
        SplittableRandom structureRng = root.split();
        this.blinkRng = root.split();
        this.driftRng = root.split();
        this.noiseRng = root.split();
        this.emitters = List.copyOf(Structures.place(params.sample(), cam.width(), cam.height(), cam.pixelSizeNm(), structureRng));
        this.on = new boolean[emitters.size()];
        double duty = params.sample().dutyCycle();
        for (int i = 0; i < on.length; i++) {
            on[i] = blinkRng.nextDouble() < duty;
        }
        double sigma = params.psfSigmaPx();
        this.radius = (int) Math.ceil(5 * sigma) + 1;
        this.sigmaInv = 1 / (Math.sqrt(2) * sigma);
        this.expected = new double[cam.width() * cam.height()];
        this.bgLambda = params.sample().backgroundPhotons();
        int kMax = (int) Math.ceil(bgLambda + 15 * Math.sqrt(bgLambda) + 15);
        double[] c = new double[kMax + 1];
        double logP = -bgLambda;
        double sum = 0;
        for (int k = 0; k <= kMax; k++) {
            if (k > 0) {
                logP += Math.log(bgLambda) - Math.log(k);
            }
            sum += Math.exp(logP);
            c[k] = sum;
        }
        this.cdf = c;
    }

    boolean hasNext() {
        return frame < params.frames();
    }

    void next(int[] adu) {
        long t = frame;
        if (t > 0) {
            walkX += params.drift().walkSigmaPx() * driftRng.nextGaussian();
            walkY += params.drift().walkSigmaPx() * driftRng.nextGaussian();
        }
        double dx = params.drift().vxPxPerFrame() * t + walkX;
        double dy = params.drift().vyPxPerFrame() * t + walkY;
        Arrays.fill(expected, params.sample().backgroundPhotons());
        for (int i = 0; i < on.length; i++) {
            if (on[i]) {
                Emitter e = emitters.get(i);
                addPsf(e.x() + dx, e.y() + dy, e.photons());
            }
        }
        double pOn = params.sample().pOn();
        double pOff = params.sample().pOff();
        for (int i = 0; i < on.length; i++) {
            on[i] = on[i] ? blinkRng.nextDouble() >= pOff : blinkRng.nextDouble() < pOn;
        }
        frame++;
        double gain = cam.gain();
        double read = cam.readNoiseE();
        double offset = cam.offsetAdu();
        int max = cam.maxValue();
        for (int i = 0; i < expected.length; i++) {
            double electrons = expected[i] == bgLambda ? sampleTable(noiseRng) : poisson(expected[i], noiseRng);
            if (read > 0) {
                electrons += read * noiseRng.nextGaussian();
            }
            long v = Math.round(gain * electrons + offset);
            adu[i] = (int) Math.max(0, Math.min(max, v));
        }
    }

    private void addPsf(double x, double y, double photons) {
        int width = cam.width();
        int height = cam.height();
        int c0 = Math.max(0, (int) Math.floor(x) - radius);
        int c1 = Math.min(width - 1, (int) Math.floor(x) + radius);
        int r0 = Math.max(0, (int) Math.floor(y) - radius);
        int r1 = Math.min(height - 1, (int) Math.floor(y) + radius);
        if (c0 > c1 || r0 > r1) {
            return;
        }
        double[] ix = weights(c0, c1, x);
        double[] iy = weights(r0, r1, y);
        for (int r = r0; r <= r1; r++) {
            double wy = photons * iy[r - r0];
            int row = r * width;
            for (int c = c0; c <= c1; c++) {
                expected[row + c] += wy * ix[c - c0];
            }
        }
    }

    private double[] weights(int k0, int k1, double centre) {
        double[] w = new double[k1 - k0 + 1];
        double prev = erf((k0 - centre) * sigmaInv);
        for (int k = k0; k <= k1; k++) {
            double next = erf((k + 1 - centre) * sigmaInv);
            w[k - k0] = 0.5 * (next - prev);
            prev = next;
        }
        return w;
    }

    private static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }

    private long sampleTable(RandomGenerator rng) {
        double u = rng.nextDouble();
        if (u >= cdf[cdf.length - 1]) {
            return poisson(bgLambda, rng);
        }
        int i = Arrays.binarySearch(cdf, u);
        return i >= 0 ? i + 1 : -i - 1;
    }

    private static long poisson(double lambda, RandomGenerator rng) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 10) {
            double p = Math.exp(-lambda);
            double cumulative = p;
            double u = rng.nextDouble();
            long k = 0;
            while (u > cumulative && k < 1000) {
                k++;
                p *= lambda / k;
                cumulative += p;
            }
            return k;
        }
        double slam = Math.sqrt(lambda);
        double loglam = Math.log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            double lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
            double rhs = -lambda + k * loglam - logFactorial(k);
            if (lhs <= rhs) {
                return k;
            }
        }
    }

    private static final double[] LOG_FACTORIAL = new double[1024];

    static {
        for (int k = 1; k < LOG_FACTORIAL.length; k++) {
            LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
        }
    }

    private static double logFactorial(long k) {
        return k < LOG_FACTORIAL.length ? LOG_FACTORIAL[(int) k] : Gamma.logGamma(k + 1.0);
    }
}
