// The few spellings that differ between OpenCL C and CUDA C++, so that an operation's device functions are
// written once (in <op>/<op>_device.h) and included by its .cl and its .cu. nvcc resolves the #include lines
// itself; the engine's OpenCL loader inlines them (KernelSources), relative to the including file.
#ifndef FLOWSCOPE_KERNEL_COMPAT_H
#define FLOWSCOPE_KERNEL_COMPAT_H

#ifdef __CUDACC__
#define DEVFN __device__ __forceinline__
#define GLOBAL_MEM
#define CONSTANT_MEM
#define RESTRICT __restrict__
#define LDG(p) __ldg(p)
#define FMA(a, b, c) fmaf(a, b, c)
#define FABS(x) fabsf(x)
#define FLOOR(x) floorf(x)
#define SQRT(x) sqrtf(x)
#define POW(x, y) powf(x, y)
#define FLOAT2(x, y) make_float2(x, y)
#define FLOAT_AS_INT(x) __float_as_int(x)
#else
#define DEVFN inline
#define GLOBAL_MEM __global
#define CONSTANT_MEM __constant
#define RESTRICT restrict
#define LDG(p) (*(p))
#define FMA(a, b, c) fma(a, b, c)
#define FABS(x) fabs(x)
#define FLOOR(x) floor(x)
#define SQRT(x) sqrt(x)
#define POW(x, y) pow(x, y)
#define FLOAT2(x, y) ((float2)(x, y))
#define FLOAT_AS_INT(x) as_int(x)
#endif

#endif
