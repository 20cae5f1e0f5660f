// The CUDA half of the kernel dialect shared with OpenCL (the OpenCL half opens every .cl file). A .cu file is
//   #include "../gpu/cuda_prelude.h"
//   #include "name.cl"
// compiled ahead of time with nvcc -ptx -arch=compute_80 -o name.ptx name.cu (see org.flowscope.methods.gpu).
#ifndef FLOWSCOPE_CUDA_PRELUDE_H
#define FLOWSCOPE_CUDA_PRELUDE_H
#define KERNEL extern "C" __global__
#define GLOBAL
#define LOCAL __shared__
#define DEVICE_FN static __device__ inline
__device__ inline int flowscope_gid(int d) {
    return d == 0 ? (int) (blockIdx.x * blockDim.x + threadIdx.x)
         : d == 1 ? (int) (blockIdx.y * blockDim.y + threadIdx.y)
                  : (int) (blockIdx.z * blockDim.z + threadIdx.z);
}
#define GID(d) flowscope_gid(d)
#define LID(d) ((int) ((d) == 0 ? threadIdx.x : (d) == 1 ? threadIdx.y : threadIdx.z))
#define GROUP(d) ((int) ((d) == 0 ? blockIdx.x : (d) == 1 ? blockIdx.y : blockIdx.z))
#define LSIZE(d) ((int) ((d) == 0 ? blockDim.x : (d) == 1 ? blockDim.y : blockDim.z))
#define BARRIER() __syncthreads()
#define D2(a, b) make_double2((a), (b))
// arithmetic that must round like Java's (no fused multiply-add)
#define FMUL(a, b) __fmul_rn((a), (b))
#define FADD(a, b) __fadd_rn((a), (b))
#define FSUB(a, b) __fsub_rn((a), (b))
#define DMUL(a, b) __dmul_rn((a), (b))
#define DADD(a, b) __dadd_rn((a), (b))
#define DSUB(a, b) __dsub_rn((a), (b))
#endif
