package org.flowscope.methods.magnifyfourier;

import java.lang.reflect.RecordComponent;
import org.flowscope.methods.gpu.GpuKernel;

/**
 * The argument lists of the kernels of {@code magnify_fourier.cl} and {@code magnify_fourier.cu}, one record per
 * kernel with the parameters in signature order ({@code B}: the device buffer); {@code MagnifyFourierKernelSignatureTest}
 * parses both sources and checks every kernel against its record. {@link #args} turns a record into the argument list
 * of {@code Gpu.launch}.
 */
final class FourierKernels {
    private FourierKernels() {
    }

    @GpuKernel("fm_zero")
    record Zero<B>(B a, int n) {
    }

    @GpuKernel("fm_place_nanopyx")
    record PlaceNanopyx<B>(B spec, int p, B grid, int big) {
    }

    @GpuKernel("fm_place_centred")
    record PlaceCentred<B>(B spec, int p, B grid, int big, B countY, B targetY, B factorY, B countX, B targetX,
            B factorX) {
    }

    @GpuKernel("fm_real")
    record Real<B>(B grid, int n, double gain, B out) {
    }

    /** The kernel's name. */
    static String name(Record args) {
        return args.getClass().getAnnotation(GpuKernel.class).value();
    }

    /** The components of {@code args} in signature order. */
    static Object[] args(Record args) {
        RecordComponent[] c = args.getClass().getRecordComponents();
        Object[] values = new Object[c.length];
        for (int i = 0; i < c.length; i++) {
            try {
                values[i] = c[i].getAccessor().invoke(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read kernel argument " + c[i].getName(), e);
            }
        }
        return values;
    }
}
