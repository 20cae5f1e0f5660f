package org.flowscope.methods.esrrf;

/**
 * The innermost loop of the CPU kernel ({@link EsrrfFrameKernel#row}): one lattice sample {@code (ux, uy, w)} of one
 * sub-pixel phase, over the output columns {@code q in [qLo, qHi)} of that phase whose samples all lie inside the
 * lattice. For each column the unit gradient {@code (gx, gy)} is read at {@code s0 + q} (the split layout makes the
 * reads contiguous) and {@code w - w |gy ux - gx uy|} is added to {@code scratch[q]} when {@code gx ux + gy uy < 0}.
 * About 20 million such terms per 128x128 frame at x5, so nearly all the kernel's time.
 *
 * <p>The arrays are padded by {@link #PAD} floats past the range, so a loop may work on whole vectors: what it adds
 * to {@code scratch[qHi ..]} is never read.
 */
interface SampleLoop {
    /** Floats of padding after the gradient arrays and after the sums in the scratch. */
    int PAD = 16;

    void add(float[] gx, float[] gy, int s0, float[] scratch, int qLo, int qHi, float ux, float uy, float w);

    /** The fastest loop this JVM offers: the vectorised one when the vector API module is present, else the plain one. */
    static SampleLoop best() {
        // EsrrfSimdLoop is only touched when the module is there: initialising it without fails with a LinkageError
        return vectorApiPresent() ? EsrrfSimdLoop.INSTANCE : SCALAR;
    }

    /** Whether the JDK's vector API (an incubator module the launchers add) is in this JVM. */
    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The plain loop, branch-free on the sign of the dot product. */
    SampleLoop SCALAR = (gxs, gys, s0, scratch, qLo, qHi, ux, uy, wk) -> {
        for (int q = qLo; q < qHi; q++) {
            float gx = gxs[s0 + q];
            float gy = gys[s0 + q];
            float c = wk - wk * Math.abs(gy * ux - gx * uy);
            // branch-free "dot < 0" (a data-dependent branch mispredicts half the time): the sign bit of the dot
            // product, with -0.0 turned into +0.0 by adding 0, masks c
            int sign = Float.floatToRawIntBits(gx * ux + gy * uy + 0f) >> 31;
            scratch[q] += Float.intBitsToFloat(Float.floatToRawIntBits(c) & sign);
        }
    };
}
