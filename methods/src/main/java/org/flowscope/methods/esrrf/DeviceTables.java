package org.flowscope.methods.esrrf;

/**
 * {@link EsrrfPlan}'s tables flattened for the OpenCL and CUDA kernels, plus the memory arithmetic both use to
 * choose how many frames go to the device at once.
 */
final class DeviceTables {
    final EsrrfPlan plan;
    final int[] baseY;
    final int[] baseX;
    final byte[] insideY;
    final byte[] insideX;
    final int[] start;
    final int[] djdi;
    /** (ux, uy, w, lattice offset as int bits) per sample. */
    final float[] samples;
    final float[] wsum;

    DeviceTables(EsrrfPlan p) {
        this.plan = p;
        this.baseY = p.baseY;
        this.baseX = p.baseX;
        this.insideY = new byte[p.hm];
        for (int i = 0; i < p.hm; i++) {
            insideY[i] = (byte) (p.interiorRow(i) ? 1 : 0);
        }
        this.insideX = new byte[p.wm];
        for (int j = 0; j < p.wm; j++) {
            insideX[j] = (byte) (p.insideX[j] ? 1 : 0);
        }
        this.start = p.start;
        int k = p.start[p.m * p.m];
        this.djdi = new int[Math.max(k, 1)];
        this.samples = new float[4 * Math.max(k, 1)];
        for (int s = 0; s < k; s++) {
            djdi[s] = (p.dj[s] << 16) | p.di[s];
            samples[4 * s] = p.ux[s];
            samples[4 * s + 1] = p.uy[s];
            samples[4 * s + 2] = p.wt[s];
            samples[4 * s + 3] = Float.intBitsToFloat(p.off[s]);
        }
        this.wsum = p.wsum;
    }

    int latticePoints() {
        return (2 * plan.h + 1) * plan.lw;
    }

    /** Device bytes per frame in a chunk: the frame and its lattice of float2. */
    long bytesPerFrame() {
        return 4L * plan.h * plan.w + 8L * latticePoints();
    }

    /** Device bytes independent of the chunk: accumulators, output, tables. */
    long fixedBytes(TemporalCorrelation stat) {
        long px = (long) plan.hm * plan.wm;
        long acc = 8 * px + (stat == TemporalCorrelation.AVG ? 0 : 8 * px) + (stat == TemporalCorrelation.TAC2 ? 8 * px : 0);
        long tables = 4L * (baseY.length + baseX.length + start.length + djdi.length + samples.length
                + wsum.length) + insideY.length + insideX.length + 4L * 8 * (plan.hm + plan.wm);
        return acc + 4 * px + tables;
    }

    /** The largest per-accumulator buffer, which must fit one allocation. */
    long largestFixedBuffer() {
        return 8L * plan.hm * plan.wm;
    }
}
