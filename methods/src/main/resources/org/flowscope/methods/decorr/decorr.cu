// CUDA build of decorr.cl: nvcc -ptx -arch=compute_80 -o decorr.ptx decorr.cu
#include "../gpu/cuda_prelude.h"
#include "decorr.cl"
