// Correlation with clamped borders (see Conv2d.java for the formula), compiled ahead of time:
//   nvcc -ptx -arch=compute_80 -o conv2d.ptx conv2d.cu
// One thread per output pixel; grid (ceil(w/bx), ceil(h/by), frames). Weights are read through the
// read-only cache; all threads of a warp read the same weight at the same time.
extern "C" __global__ void conv2d(const float* __restrict__ in,
                                  float* __restrict__ out,
                                  const float* __restrict__ weights,
                                  int h, int w, int kh, int kw)
{
    const int c = blockIdx.x * blockDim.x + threadIdx.x;
    const int r = blockIdx.y * blockDim.y + threadIdx.y;
    const int f = blockIdx.z;
    if (c >= w || r >= h) {
        return;
    }
    const int cr = (kh - 1) / 2;
    const int cc = (kw - 1) / 2;
    const long long frameBase = (long long) f * h * w;
    float acc = 0.0f;
    for (int kr = 0; kr < kh; kr++) {
        const int sr = min(max(r + kr - cr, 0), h - 1);
        const float* row = in + frameBase + (long long) sr * w;
        const float* wrow = weights + kr * kw;
        for (int kc = 0; kc < kw; kc++) {
            const int sc = min(max(c + kc - cc, 0), w - 1);
            acc += __ldg(wrow + kc) * __ldg(row + sc);
        }
    }
    out[frameBase + (long long) r * w + c] = acc;
}
