// CUDA build of frc.cl: nvcc -ptx -arch=compute_80 -o frc.ptx frc.cu
#include "../gpu/cuda_prelude.h"
#include "frc.cl"
