// CUDA build of ccm.cl: nvcc -ptx -arch=compute_80 -o ccm.ptx ccm.cu
#include "../gpu/cuda_prelude.h"
#include "ccm.cl"
