/**
 * Running single-source kernels on OpenCL and CUDA devices, and a double-precision FFT built from them.
 *
 * <p>Each program is one OpenCL C file ({@code name.cl}) written in a small common dialect ({@code KERNEL},
 * {@code GLOBAL}, {@code GID(d)}, {@code D2(re, im)}, ...): the OpenCL half of the dialect is at the top of every
 * {@code .cl} file, the CUDA half is {@code cuda_prelude.h}, and {@code name.cu} is two includes, compiled ahead of
 * time to the committed {@code name.ptx} ({@code nvcc -ptx -arch=compute_80}). So the kernels tested on PoCL are the
 * kernels that run on CUDA. {@link org.flowscope.methods.gpu.Gpu} is the launch/transfer layer over either device,
 * {@link org.flowscope.methods.gpu.GpuFft} the FFT.
 *
 * <p>Why a hand-written FFT: JCuda's cuFFT binding is not published at the JCuda version the project pins (12.0.0);
 * the newest on Maven Central (11.8.0) links {@code libcufft.so.10} of CUDA 11, which the CUDA 13 GPU host does not
 * have, and no maintained OpenCL FFT library is callable from Java (clFFT is unmaintained native code without a Java
 * binding, VkFFT is C). A Stockham FFT in double precision is short, exact to 1e-15 and shared by both backends.
 */
package org.flowscope.methods.gpu;
