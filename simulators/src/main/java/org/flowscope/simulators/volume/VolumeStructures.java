package org.flowscope.simulators.volume;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Places emitters in the imaged volume: {@code round(density * volume in um^3)} of them (at least one), at least one
 * pixel from the lateral borders and half a slice from the first and last slice. Positions are drawn in nm, so that
 * filaments are isotropic in the sample whatever the voxel shape.
 */
final class VolumeStructures {
    private static final int FILAMENTS = 4;
    private static final double STEP_NM = 25;

    private VolumeStructures() {
    }

    static List<VolumeEmitter> place(VolumeParams p, RandomGenerator rng) {
        double[] lo = {p.pixelSizeNm(), p.pixelSizeNm(), 0.5 * p.zStepNm()};
        double[] hi = {(p.width() - 1) * p.pixelSizeNm(), (p.height() - 1) * p.pixelSizeNm(),
                (p.slices() - 0.5) * p.zStepNm()};
        double um3 = (double) p.width() * p.height() * p.pixelSizeNm() * p.pixelSizeNm() * p.slices() * p.zStepNm() / 1e9;
        int n = (int) Math.max(1, Math.round(p.densityPerUm3() * um3));
        List<double[]> nm = p.pattern() == VolumeParams.Pattern.RANDOM ? random(n, lo, hi, rng)
                : filaments(n, lo, hi, rng);
        List<VolumeEmitter> out = new ArrayList<>(nm.size());
        for (double[] e : nm) {
            out.add(new VolumeEmitter(out.size(), e[0] / p.pixelSizeNm(), e[1] / p.pixelSizeNm(), e[2] / p.zStepNm(),
                    p.photonsPerFrame()));
        }
        return out;
    }

    private static List<double[]> random(int n, double[] lo, double[] hi, RandomGenerator rng) {
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] e = new double[3];
            for (int a = 0; a < 3; a++) {
                e[a] = lo[a] + rng.nextDouble() * (hi[a] - lo[a]);
            }
            out.add(e);
        }
        return out;
    }

    /**
     * Persistent random walks in 3-D: from a random inside point, 25 nm steps whose direction turns by about 0.03 rad
     * per step, both ways until the walk leaves the volume; the emitters are spread uniformly over the total length.
     */
    private static List<double[]> filaments(int n, double[] lo, double[] hi, RandomGenerator rng) {
        List<List<double[]>> lines = new ArrayList<>();
        double total = 0;
        for (int f = 0; f < FILAMENTS; f++) {
            double[] start = random(1, lo, hi, rng).get(0);
            double[] dir = unit(new double[] {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()});
            List<double[]> pts = new ArrayList<>();
            for (int way = 0; way < 2; way++) {
                double[] at = start.clone();
                double[] d = way == 0 ? dir.clone() : new double[] {-dir[0], -dir[1], -dir[2]};
                List<double[]> half = new ArrayList<>();
                for (int s = 0; s < 100_000 && inside(at, lo, hi); s++) {
                    for (int a = 0; a < 3; a++) {
                        d[a] += 0.03 * rng.nextGaussian();
                    }
                    d = unit(d);
                    for (int a = 0; a < 3; a++) {
                        at[a] += STEP_NM * d[a];
                    }
                    if (inside(at, lo, hi)) {
                        half.add(at.clone());
                    }
                }
                if (way == 0) {
                    for (int i = half.size() - 1; i >= 0; i--) {
                        pts.add(half.get(i));
                    }
                    pts.add(start);
                } else {
                    pts.addAll(half);
                }
            }
            lines.add(pts);
            total += (pts.size() - 1) * STEP_NM;
        }
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double at = rng.nextDouble() * total;
            int f = 0;
            while (f < lines.size() - 1 && at > (lines.get(f).size() - 1) * STEP_NM) {
                at -= (lines.get(f).size() - 1) * STEP_NM;
                f++;
            }
            List<double[]> pts = lines.get(f);
            double pos = Math.min(at / STEP_NM, pts.size() - 1.000001);
            int k = Math.max(0, (int) pos);
            double t = Math.max(0, pos - k);
            double[] a = pts.get(k);
            double[] b = pts.get(Math.min(k + 1, pts.size() - 1));
            out.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])});
        }
        return out;
    }

    private static boolean inside(double[] p, double[] lo, double[] hi) {
        return p[0] >= lo[0] && p[0] <= hi[0] && p[1] >= lo[1] && p[1] <= hi[1] && p[2] >= lo[2] && p[2] <= hi[2];
    }

    private static double[] unit(double[] v) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (n == 0) {
            return new double[] {1, 0, 0};
        }
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
