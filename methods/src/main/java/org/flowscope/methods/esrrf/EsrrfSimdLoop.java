package org.flowscope.methods.esrrf;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link SampleLoop} with the JDK's vector API: 8 output columns per instruction (256-bit lanes: the loops are short,
 * about {@code W} columns, and wider vectors leave long scalar tails), the sign test as a lane mask. Same float
 * operations as the scalar loop in the same order per column, so the sums are the same. Only loaded when the JVM
 * runs with {@code --add-modules jdk.incubator.vector} ({@link SampleLoop#vectorApiPresent()}): this class's
 * initialisation needs the module.
 */
final class EsrrfSimdLoop implements SampleLoop {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    static final EsrrfSimdLoop INSTANCE = new EsrrfSimdLoop();

    private EsrrfSimdLoop() {
    }


    @Override
    public void add(float[] gxs, float[] gys, int s0, float[] scratch, int qLo, int qHi, float ux, float uy, float wk) {
        // whole vectors only: the last one runs up to 7 columns past qHi into the padding (SampleLoop.PAD)
        for (int q = qLo; q < qHi; q += S.length()) {
            FloatVector gx = FloatVector.fromArray(S, gxs, s0 + q);
            FloatVector gy = FloatVector.fromArray(S, gys, s0 + q);
            FloatVector cross = gy.mul(ux).sub(gx.mul(uy)).abs();
            FloatVector c = cross.mul(wk).neg().add(wk);
            VectorMask<Float> behind = gx.mul(ux).add(gy.mul(uy)).compare(VectorOperators.LT, 0f);
            FloatVector acc = FloatVector.fromArray(S, scratch, q);
            acc.add(c, behind).intoArray(scratch, q);
        }
    }
}
