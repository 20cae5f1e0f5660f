// Correlation with clamped borders (see Conv2d.java for the formula). One work item per output pixel;
// global size (ceil(w), ceil(h), frames). The weights sit in constant memory: every work item of a group
// reads the same weight at the same time, which the constant cache broadcasts.
__kernel void conv2d(__global const float* in,
                     __global float* out,
                     __constant float* weights,
                     const int h, const int w, const int kh, const int kw)
{
    const int c = get_global_id(0);
    const int r = get_global_id(1);
    const int f = get_global_id(2);
    if (c >= w || r >= h) {
        return;
    }
    const int cr = (kh - 1) / 2;
    const int cc = (kw - 1) / 2;
    const long frameBase = (long) f * h * w;
    float acc = 0.0f;
    for (int kr = 0; kr < kh; kr++) {
        const int sr = clamp(r + kr - cr, 0, h - 1);
        __global const float* row = in + frameBase + (long) sr * w;
        __constant float* wrow = weights + kr * kw;
        for (int kc = 0; kc < kw; kc++) {
            const int sc = clamp(c + kc - cc, 0, w - 1);
            acc += wrow[kc] * row[sc];
        }
    }
    out[frameBase + (long) r * w + c] = acc;
}
