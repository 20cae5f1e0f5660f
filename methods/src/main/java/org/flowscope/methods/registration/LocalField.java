package org.flowscope.methods.registration;

import java.util.List;

/**
 * A smooth displacement field from block vectors: local-linear kernel regression with a Gaussian of sigma
 * {@code smoothingPx}: at each position p a plane {@code v = a + b (X - p_x) + c (Y - p_y)} is fitted to the accepted
 * blocks' vectors by least squares with weights {@code w_k = exp(-|p - a_k|^2 / 2 s^2)} (a_k = block centres) and
 * {@code a} is the field at p, evaluated at pixel centres (k + 0.5). It is C-infinity smooth, fills rejected blocks
 * from their neighbours, reproduces a translation and any affine (scale, rotation) offset exactly, and has no
 * bias at the borders where a weighted mean would flatten gradients. With fewer than three non-collinear
 * accepted blocks it falls back to the weighted mean; with none it is the global translation. Replaces NanoPyx's inverse-distance weighting plus
 * Gaussian blur, whose border handling differs between its CPU and OpenCL paths (spec &sect;18 item 8).
 */
public record LocalField(int blocksPerAxis, int blockHeight, int blockWidth, double smoothingPx, double globalDx,
        double globalDy, List<BlockVector> blocks) {
    public LocalField {
        blocks = List.copyOf(blocks);
        if (!(smoothingPx > 0)) {
            throw new IllegalArgumentException("smoothingPx must be > 0, got " + smoothingPx);
        }
    }

    /** Displacement {dx, dy} at continuous position (x, y). */
    public double[] at(double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (BlockVector b : blocks) {
            if (b.accepted()) {
                best = Math.min(best, sq(b.x() - x) + sq(b.y() - y));
            }
        }
        if (best == Double.POSITIVE_INFINITY) {
            return new double[] {globalDx, globalDy};
        }
        double s2 = 2 * smoothingPx * smoothingPx;
        // weighted sums for the local plane fit v = a + b (X - x) + c (Y - y); a is the answer
        double s0 = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        double[] r0 = new double[2];
        double[] rx = new double[2];
        double[] ry = new double[2];
        for (BlockVector b : blocks) {
            if (!b.accepted()) {
                continue;
            }
            double ux = b.x() - x;
            double uy = b.y() - y;
            // relative to the nearest block, so far-away pixels do not underflow to 0/0
            double wt = Math.exp(-(ux * ux + uy * uy - best) / s2);
            s0 += wt;
            sx += wt * ux;
            sy += wt * uy;
            sxx += wt * ux * ux;
            sxy += wt * ux * uy;
            syy += wt * uy * uy;
            double[] v = {b.dx(), b.dy()};
            for (int k = 0; k < 2; k++) {
                r0[k] += wt * v[k];
                rx[k] += wt * ux * v[k];
                ry[k] += wt * uy * v[k];
            }
        }
        double det = s0 * (sxx * syy - sxy * sxy) - sx * (sx * syy - sxy * sy) + sy * (sx * sxy - sxx * sy);
        double scale = s0 * (sxx + syy) * (sxx + syy) / 4;
        if (!(det > 1e-9 * scale)) {
            return new double[] {r0[0] / s0, r0[1] / s0};
        }
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            // Cramer's rule for the intercept of the 3x3 normal equations
            double detA = r0[k] * (sxx * syy - sxy * sxy) - sx * (rx[k] * syy - sxy * ry[k]) + sy * (rx[k] * sxy - sxx * ry[k]);
            out[k] = detA / det;
        }
        return out;
    }

    /** The dense field at every pixel centre: {dx[h*w], dy[h*w]}. */
    public float[][] dense(int h, int w) {
        float[] fx = new float[h * w];
        float[] fy = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double[] v = at(x + 0.5, y + 0.5);
                fx[y * w + x] = (float) v[0];
                fy[y * w + x] = (float) v[1];
            }
        }
        return new float[][] {fx, fy};
    }

    public long acceptedBlocks() {
        return blocks.stream().filter(BlockVector::accepted).count();
    }

    private static double sq(double v) {
        return v * v;
    }
}
