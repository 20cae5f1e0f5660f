// CUDA build of fft.cl: nvcc -ptx -arch=compute_80 -o fft.ptx fft.cu
#include "cuda_prelude.h"
#include "fft.cl"
