package org.flowscope.methods.gpu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the argument list of the GPU kernel {@link #value()}: its components are the kernel's
 * parameters in signature order, with the same names; a component of the record's type parameter (the backend's
 * buffer handle, {@code cl_mem} or {@code CUdeviceptr}) is a pointer parameter, {@code int}/{@code float}/{@code
 * double} components are scalars. {@link OpenClKernelArgs} and {@link CudaKernelArgs} bind such a record, and each
 * operation has a test that parses its .cl/.cu sources and checks every kernel against its record (test-kit
 * {@code KernelSignatures}), so a signature change fails a test rather than a run.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GpuKernel {
    /** The kernel's name in the .cl and .cu sources. */
    String value();
}
