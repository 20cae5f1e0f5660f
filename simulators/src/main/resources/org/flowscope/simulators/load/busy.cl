// Contention load: arithmetic that keeps every compute unit busy and touches held memory, so that
// another process sharing the device slows down. Not a benchmark.
__kernel void busy(__global float* data, const int n, const int iters)
{
    const int i = get_global_id(0);
    if (i >= n) {
        return;
    }
    float x = data[i];
    for (int k = 0; k < iters; k++) {
        x = sin(x) * cos(x) + 0.5f;
    }
    data[i] = x;
}
