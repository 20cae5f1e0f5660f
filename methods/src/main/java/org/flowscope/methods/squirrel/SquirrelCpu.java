package org.flowscope.methods.squirrel;

import java.util.concurrent.ForkJoinPool;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;
import org.flowscope.methods.quality.GaussianFilter;

/**
 * The plain-Java reference implementation of {@link Squirrel}.
 *
 * <p>The RSF search is a sequential line search (each step depends on the previous one) of 30&ndash;40 evaluations,
 * each two Gaussian blurs of the SR image, and it must reproduce NumPy's float32 rounding to land on NanoPyx's sigma
 * (see {@link #error}). The blurs are where the time goes, and their lines are independent: {@link SquirrelCpuThreaded}
 * spreads them over the CPU pool with identical arithmetic. A device blur would change the rounding, so there is none.
 */
public final class SquirrelCpu implements Implementation<SquirrelParams, SquirrelInput, SquirrelResult> {
    private static final Squirrel OPERATION = new Squirrel();
    /** (4 / 2.35482) M: FWHM of 4 SR pixels per magnification step, the RSF of a Nyquist-sampled reference. */
    private static final double SIGMA_BOUND_PER_M = 4 / 2.35482;

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("squirrel.cpu", Squirrel.class, Backend.CPU, Precision.MIXED,
                "SQUIRREL error map, Fourier-interpolated reference, Brent RSF search");
    }

    @Override
    public SquirrelResult run(SquirrelParams params, SquirrelInput input, ExecutionContext context) {
        return compute(params, input);
    }

    /** Computes the error map without an engine (validates first). */
    public static SquirrelResult compute(SquirrelParams params, SquirrelInput input) {
        return compute(params, input, null);
    }

    /** The computation, with the Gaussian blurs' lines spread over {@code pool} (null: sequential). */
    static SquirrelResult compute(SquirrelParams params, SquirrelInput input, ForkJoinPool pool) {
        OPERATION.validate(params, input);
        int m = input.magnification();
        ImageStack ref = input.reference();
        ImageStack srStack = input.superResolution();
        int rows = srStack.height();
        int cols = srStack.width();
        float[] sr = srStack.data();
        float[] refUp = m > 1 ? FourierInterpolation.magnify(ref.data(), ref.height(), ref.width(), m) : ref.data();
        double bound = SIGMA_BOUND_PER_M * m;
        double sigma;
        if (params.fixedSigma() == 0) {
            sigma = BrentMinimizer.minimize(s -> error(s, sr, refUp, rows, cols, pool), 0, bound, params.maxIterations());
        } else {
            sigma = params.fixedSigma() * m;
        }
        double[] ab = alphaBeta(sigma, sr, refUp, rows, cols, pool);
        // NanoPyx stores sigma, alpha and beta as float32 before the final map, computed in float32
        float alpha = (float) ab[0];
        float beta = (float) ab[1];
        float sigmaF = (float) sigma;
        float[] scaled = new float[sr.length];
        for (int i = 0; i < sr.length; i++) {
            scaled[i] = sr[i] * alpha + beta;
        }
        float[] s = GaussianFilter.filter(scaled, rows, cols, sigmaF, pool);
        float[] map = new float[s.length];
        float[] sq = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            float d = s[i] - refUp[i];
            map[i] = Math.abs(d);
            sq[i] = d * d;
        }
        double rse = (float) Math.sqrt(Float32Sum.mean(sq));
        double rsp = pearson(s, refUp);
        return new SquirrelResult(ImageStack.ofImage(rows, cols, map), rse, rsp, sigmaF, alpha, beta, m,
                Math.abs(sigma - bound) < 1e-4);
    }

    /**
     * E(sigma): RMS difference between the best affine rescale of the blurred SR image and the reference. NanoPyx
     * applies (alpha, beta) as Python floats to a float32 image, so NumPy computes the rescale, the blur and the
     * difference in float32; doing the same puts the minimum where NanoPyx finds it (in double it moves by ~1e-4 px).
     */
    static double error(double sigma, float[] sr, float[] refUp, int rows, int cols, ForkJoinPool pool) {
        double[] ab = alphaBeta(sigma, sr, refUp, rows, cols, pool);
        float alpha = (float) ab[0];
        float beta = (float) ab[1];
        float[] scaled = new float[sr.length];
        for (int i = 0; i < sr.length; i++) {
            scaled[i] = sr[i] * alpha + beta;
        }
        float[] s = GaussianFilter.filter(scaled, rows, cols, sigma, pool);
        for (int i = 0; i < s.length; i++) {
            float d = s[i] - refUp[i];
            s[i] = d * d;
        }
        return (float) Math.sqrt(Float32Sum.mean(s));
    }

    /** Least-squares line {alpha, beta} of {@code refUp} (y) against the blurred SR image (x), as SciPy's linregress. */
    static double[] alphaBeta(double sigma, float[] sr, float[] refUp, int rows, int cols, ForkJoinPool pool) {
        float[] x = GaussianFilter.filter(sr, rows, cols, sigma, pool);
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += refUp[i];
        }
        mx /= n;
        my /= n;
        float mx32 = Float32Sum.mean(x);
        float my32 = Float32Sum.mean(refUp);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            sxx += dx * dx;
            sxy += dx * (refUp[i] - my);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("blurred super-resolution image is constant at sigma " + sigma
                    + ": no intensity rescaling can be fitted");
        }
        double slope = sxy / sxx;
        // linregress takes the intercept from NumPy's float32 means
        double intercept = my32 - slope * mx32;
        return new double[] {slope, intercept};
    }

    /**
     * Pearson's correlation coefficient {@code sum(d1 d2) / sqrt(sum(d1^2) sum(d2^2))}, 0 when either image is constant
     * (NanoPyx's convention). [decision] Accumulated in double: NanoPyx sums in float32 across OpenMP threads, which
     * makes its RSP depend on the thread count at the 1e-5 level on 10^5 pixels.
     */
    static double pearson(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }
}
