package org.flowscope.engine.spi;

/**
 * Optional second interface of an {@link Operation}: it can make seeded, representative work of a requested size,
 * and flatten its output for element-wise comparison with {@link Tolerance}. The benchmark command
 * ({@code flowscope engine benchmark <op>}) and the contention experiment find operations through it, so a new
 * operation becomes benchmarkable by implementing these two methods.
 *
 * @param <P> parameter record
 * @param <I> input type
 * @param <O> output type
 */
public interface BenchmarkInputs<P, I, O> {
    /**
     * Seeded parameters and input for {@code spec}. Equal specs and seeds give equal cases. Inputs are never all
     * zero (zeros hide unwritten outputs and can run faster than real data).
     */
    Case<P, I> benchmarkCase(Spec spec, long seed);

    /** The output's values in a fixed order, compared element-wise by {@link Tolerance#firstViolation}. */
    float[] values(O output);

    /**
     * What to benchmark; an operation ignores what does not apply to it.
     *
     * @param width  image columns, &gt; 0
     * @param height image rows, &gt; 0
     * @param frames frames per call, &gt; 0
     * @param kernel the operation's main size parameter (e.g. convolution kernel side); 0 = the operation's default
     */
    record Spec(int width, int height, int frames, int kernel) {
        public Spec {
            if (width < 1 || height < 1 || frames < 1 || kernel < 0) {
                throw new IllegalArgumentException("benchmark spec needs width, height, frames >= 1 and kernel >= 0, got "
                        + width + "x" + height + " frames=" + frames + " kernel=" + kernel);
            }
        }

        /** e.g. "1024x1024x1 k9". */
        public String label() {
            return width + "x" + height + "x" + frames + (kernel > 0 ? " k" + kernel : "");
        }
    }

    /**
     * One unit of seeded work.
     *
     * @param params parameters
     * @param input  input
     * @param label  short description for reports, e.g. "1024x1024x1 kernel 9x9 gaussian"
     */
    record Case<P, I>(P params, I input, String label) {
    }
}
