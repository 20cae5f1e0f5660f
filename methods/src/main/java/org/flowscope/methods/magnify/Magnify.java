package org.flowscope.methods.magnify;

import java.util.Map;
import java.util.TreeMap;
import java.util.List;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;

/**
 * Shift and magnify every frame with an interpolation kernel, reproducing NanoPyx's {@code Magnify}
 * (methods spec §1.2).
 *
 * <p>Output shape {@code (F, trunc(H*Mr), trunc(W*Mc))}; output pixel {@code (i, j)} is the kernel evaluated at
 * continuous input position {@code y = i/Mr - shiftRow}, {@code x = j/Mc - shiftCol} (float32 arithmetic,
 * {@link org.flowscope.methods.numerics.interpolation.Sampling#NANOPYX}).
 *
 * <p><b>Geometry [NanoPyx quirk]:</b> the kernels put input element {@code k} at {@code k + 0.5}, but the output
 * is sampled at integer coordinates {@code i / M} rather than at its own pixel centres {@code (i + 0.5) / M}, so
 * the result is displaced by {@code 0.5/M} input pixels (at M = 1 by half a pixel, plus blur). This operation
 * keeps the quirk because it is the NanoPyx parity reference; eSRRF's centred geometry samples at pixel centres.
 *
 * <p>Literature: R. Keys, "Cubic convolution interpolation for digital image processing", IEEE TASSP 29 (1981).
 */
public final class Magnify implements Operation<MagnifyParams, ImageStack, ImageStack> {
    public static final String ID = "magnify";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(MagnifyParams params, ImageStack input) {
        outputRows(params, input);
        outputCols(params, input);
    }

    /** Output rows, {@code trunc(H * Mr)}; rejects an empty output. */
    public static int outputRows(MagnifyParams p, ImageStack in) {
        return positive((int) (in.height() * p.magnificationRow()), "rows", in.height(), p.magnificationRow());
    }

    /** Output columns, {@code trunc(W * Mc)}; rejects an empty output. */
    public static int outputCols(MagnifyParams p, ImageStack in) {
        return positive((int) (in.width() * p.magnificationCol()), "cols", in.width(), p.magnificationCol());
    }

    private static int positive(int n, String what, int size, float m) {
        if (n <= 0) {
            throw new IllegalArgumentException("magnified " + what + " must be >= 1, got trunc(" + size + " * " + m + ") = " + n);
        }
        return n;
    }

    @Override
    public WorkShape shape(MagnifyParams p, ImageStack in) {
        Map<String, String> m = new TreeMap<>();
        m.put("kernel", p.interpolator().kernel().name());
        m.put("border", p.interpolator().border().name());
        m.put("normalisation", p.interpolator().normalisation().name());
        m.put("magnificationRow", Float.toString(p.magnificationRow()));
        m.put("magnificationCol", Float.toString(p.magnificationCol()));
        return new WorkShape(ID, List.of(in.frames(), in.height(), in.width()), "f32", new TreeMap<>(m));
    }

    @Override
    public double cost(MagnifyParams p, ImageStack in) {
        return (double) in.frames() * outputRows(p, in) * outputCols(p, in);
    }

    @Override
    public Tolerance tolerance() {
        return new Tolerance(0, 1e-5);
    }
}
