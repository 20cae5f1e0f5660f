package org.flowscope.simulators.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Places emitters on a field of {@code width x height} pixels of {@code pixelSizeNm}. The number of emitters is
 * {@code round(density * area in um^2)} for every pattern (at least one). Emitters stay at least one pixel from the
 * border, so the PSF of every emitter is (almost) wholly inside the field.
 */
public final class Structures {
    private static final double MARGIN = 1.0;

    private Structures() {
    }

    public static List<Emitter> place(SampleParams p, int width, int height, double pixelSizeNm, RandomGenerator rng) {
        double areaUm2 = width * height * pixelSizeNm * pixelSizeNm / 1e6;
        int n = (int) Math.max(1, Math.round(p.densityPerUm2() * areaUm2));
        List<double[]> xy = switch (p.pattern()) {
            case RANDOM -> random(n, width, height, rng);
            case GRID -> grid(n, width, height);
            case FILAMENTS -> filaments(n, p.filaments(), width, height, rng);
        };
        List<Emitter> out = new ArrayList<>(xy.size());
        for (double[] e : xy) {
            out.add(new Emitter(out.size(), e[0], e[1], p.photonsPerFrame()));
        }
        return out;
    }

    private static List<double[]> random(int n, int w, int h, RandomGenerator rng) {
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new double[] {MARGIN + rng.nextDouble() * (w - 2 * MARGIN), MARGIN + rng.nextDouble() * (h - 2 * MARGIN)});
        }
        return out;
    }

    /** A square grid with about {@code n} points, centred in the field; positions are deterministic. */
    private static List<double[]> grid(int n, int w, int h) {
        double usableW = w - 2 * MARGIN;
        double usableH = h - 2 * MARGIN;
        double spacing = Math.sqrt(usableW * usableH / n);
        int cols = Math.max(1, (int) Math.floor(usableW / spacing));
        int rows = Math.max(1, (int) Math.floor(usableH / spacing));
        double x0 = w / 2.0 - (cols - 1) * spacing / 2;
        double y0 = h / 2.0 - (rows - 1) * spacing / 2;
        List<double[]> out = new ArrayList<>(rows * cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out.add(new double[] {x0 + c * spacing, y0 + r * spacing});
            }
        }
        return out;
    }

    /**
     * Filaments are persistent random walks (0.25 px steps, heading diffusing by 0.03 rad per step) from a random
     * point inside the field until they leave it; the {@code n} emitters are spread uniformly over their total
     * length.
     */
    private static List<double[]> filaments(int n, int count, int w, int h, RandomGenerator rng) {
        List<List<double[]>> lines = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        double total = 0;
        double step = 0.25;
        for (int f = 0; f < count; f++) {
            List<double[]> pts = new ArrayList<>();
            double x = MARGIN + rng.nextDouble() * (w - 2 * MARGIN);
            double y = MARGIN + rng.nextDouble() * (h - 2 * MARGIN);
            double heading = rng.nextDouble() * 2 * Math.PI;
            for (int dir = 0; dir < 2; dir++) {
                double cx = x;
                double cy = y;
                double hd = heading + dir * Math.PI;
                List<double[]> half = new ArrayList<>();
                for (int s = 0; s < 40 * (w + h); s++) {
                    hd += 0.03 * rng.nextGaussian();
                    cx += step * Math.cos(hd);
                    cy += step * Math.sin(hd);
                    if (cx < MARGIN || cy < MARGIN || cx > w - MARGIN || cy > h - MARGIN) {
                        break;
                    }
                    half.add(new double[] {cx, cy});
                }
                if (dir == 0) {
                    for (int i = half.size() - 1; i >= 0; i--) {
                        pts.add(half.get(i));
                    }
                    pts.add(new double[] {x, y});
                } else {
                    pts.addAll(half);
                }
            }
            lines.add(pts);
            double len = (pts.size() - 1) * step;
            lengths.add(len);
            total += len;
        }
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double at = rng.nextDouble() * total;
            int f = 0;
            while (f < lengths.size() - 1 && at > lengths.get(f)) {
                at -= lengths.get(f);
                f++;
            }
            List<double[]> pts = lines.get(f);
            if (pts.size() == 1) {
                out.add(pts.get(0).clone());
                continue;
            }
            double pos = Math.min(at / step, pts.size() - 1.000001);
            int k = (int) pos;
            double t = pos - k;
            double[] a = pts.get(k);
            double[] b = pts.get(Math.min(k + 1, pts.size() - 1));
            out.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])});
        }
        return out;
    }
}
