// Contention load (see busy.cl): nvcc -ptx -arch=compute_80 -o busy.ptx busy.cu
extern "C" __global__ void busy(float* data, int n, int iters)
{
    const int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) {
        return;
    }
    float x = data[i];
    for (int k = 0; k < iters; k++) {
        x = sinf(x) * cosf(x) + 0.5f;
    }
    data[i] = x;
}
