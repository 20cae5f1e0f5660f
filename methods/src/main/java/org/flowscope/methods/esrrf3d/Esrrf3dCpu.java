package org.flowscope.methods.esrrf3d;

import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Backend;
import org.flowscope.engine.spi.ExecutionContext;
import org.flowscope.engine.spi.Implementation;
import org.flowscope.engine.spi.ImplementationInfo;
import org.flowscope.engine.spi.Precision;

/**
 * The plain-Java reference of {@link Esrrf3d}: single-threaded, one time point and one voxel at a time. The sample
 * positions of every voxel are computed here from scratch, the way NanoPyx's {@code _c_calculate_rgc3D} does for
 * {@link Geometry#NANOPYX} (float {@code c/M + o}, truncated indices), so that the tables the other implementations
 * read ({@link Esrrf3dPlan.Slots}) are held to an independent computation by the conformance kit.
 */
public final class Esrrf3dCpu implements Implementation<Esrrf3dParams, VolumeStack, VolumeStack> {
    private static final ImplementationInfo INFO = new ImplementationInfo("esrrf3d.cpu", Esrrf3d.class, Backend.CPU,
            Precision.MIXED, "eSRRF 3-D, single-threaded Java reference");

    @Override
    public ImplementationInfo info() {
        return INFO;
    }

    @Override
    public VolumeStack run(Esrrf3dParams params, VolumeStack input, ExecutionContext context) {
        return apply(params, input);
    }

    /** The eSRRF 3-D volume series of {@code in}. */
    public static VolumeStack apply(Esrrf3dParams p, VolumeStack in) {
        new Esrrf3d().validate(p, in);
        Esrrf3dPlan plan = new Esrrf3dPlan(p, in.slices(), in.height(), in.width());
        int frames = in.timePoints();
        int block = p.blockLength(frames);
        int timePoints = p.timePoints(frames);
        int v = plan.voxels();
        float[] out = new float[timePoints * v];
        for (int b = 0; b < timePoints; b++) {
            Welford acc = new Welford(v);
            int n = 0;
            for (int t = b * block; t < Math.min((b + 1) * block, frames); t++) {
                acc.add(frame(plan, in.data(), in.offset(t)), 0, 0, v, ++n);
                acc.endFrame();
            }
            float[] r = acc.result(p.temporal());
            if (p.macroPixelCorrection()) {
                MacroPixels.correct(r, 0, plan.hm, plan.wm, plan.mxy, 0, plan.zm);
            }
            System.arraycopy(r, 0, out, b * v, v);
        }
        return new VolumeStack(new ImageStack(timePoints * plan.zm, plan.hm, plan.wm, out), plan.zm);
    }

    /** The intensity-weighted RGC volume of the input volume at {@code src[off ..]}, before any temporal reduction. */
    static float[] frame(Esrrf3dPlan p, float[] src, int off) {
        int n = p.inputVoxels();
        float[] gx = new float[n];
        float[] gy = new float[n];
        float[] gz = new float[n];
        Volumes3d.gradients(p, src, off, gx, gy, gz, 0, p.z);
        float[] mi = magnify(p, src, off);
        float[] mx = magnify(p, gx, 0);
        float[] my = magnify(p, gy, 0);
        float[] mzv = magnify(p, gz, 0);
        float[] out = new float[p.voxels()];
        for (int s = 0; s < p.zm; s++) {
            for (int r = 0; r < p.hm; r++) {
                for (int c = 0; c < p.wm; c++) {
                    if (!p.computed(s, r, c)) {
                        continue;
                    }
                    int o = (s * p.hm + r) * p.wm + c;
                    float rgc = p.geo == Geometry.NANOPYX ? nanopyx(p, mx, my, mzv, s, r, c) : centred(p, mx, my, mzv, s, r, c);
                    out[o] = p.weighting ? rgc * mi[o] : rgc;
                }
            }
        }
        return out;
    }

    private static float[] magnify(Esrrf3dPlan p, float[] vol, int off) {
        float[] xy = new float[p.z * p.hm * p.wm];
        Volumes3d.magnifyXy(p, vol, off, xy, 0, p.z);
        float[] out = new float[p.voxels()];
        Volumes3d.magnifyZ(p, xy, out, 0, p.zm);
        return out;
    }

    /** NanoPyx's {@code _c_calculate_rgc3D} at output voxel (sM, rM, cM), literally. */
    private static float nanopyx(Esrrf3dPlan p, float[] gx, float[] gy, float[] gz, int sM, int rM, int cM) {
        float xc = (float) cM / p.mxy;
        float yc = (float) rM / p.mxy;
        float zc = (float) sM / p.mz;
        int lo = -(int) p.fwhm;
        int hi = (int) (p.fwhm + 1f);
        int loZ = -(int) p.fwhmZ;
        int hiZ = (int) (p.fwhmZ + 1f);
        float[] sums = new float[2];
        for (int j = lo; j <= hi; j++) {
            float vy = yc + j;
            if (!(0 < vy && vy <= (float) (p.h - 1))) {
                continue;
            }
            for (int i = lo; i <= hi; i++) {
                float vx = xc + i;
                if (!(0 < vx && vx <= (float) (p.w - 1))) {
                    continue;
                }
                for (int k = loZ; k <= hiZ; k++) {
                    float vz = zc + k;
                    if (!(0 < vz && vz <= (float) (p.z - 1))) {
                        continue;
                    }
                    float dx = vx - xc;
                    float dy = vy - yc;
                    float dz = vz - zc;
                    int idx = ((int) (vz * p.mz) * p.hm + (int) (p.mxy * vy)) * p.wm + (int) (p.mxy * vx);
                    sample(p, gx, gy, gz, idx, dx, dy, dz, sums);
                }
            }
        }
        return Rgc3d.finish(sums[0], sums[1], p.sensitivity, false);
    }

    /** The centred RGC: whole-voxel offsets around the voxel centre, samples inside the magnified volume only. */
    private static float centred(Esrrf3dPlan p, float[] gx, float[] gy, float[] gz, int sM, int rM, int cM) {
        int reach = (int) Math.floor(p.tSO);
        int reachZ = (int) Math.floor(p.tSOz);
        float[] sums = new float[2];
        for (int j = -reach; j <= reach; j++) {
            int ry = rM + j * p.mxy;
            if (ry < 0 || ry >= p.hm) {
                continue;
            }
            for (int i = -reach; i <= reach; i++) {
                int rx = cM + i * p.mxy;
                if (rx < 0 || rx >= p.wm) {
                    continue;
                }
                for (int k = -reachZ; k <= reachZ; k++) {
                    int rz = sM + k * p.mz;
                    if (rz < 0 || rz >= p.zm) {
                        continue;
                    }
                    sample(p, gx, gy, gz, (rz * p.hm + ry) * p.wm + rx, i, j, k, sums);
                }
            }
        }
        return Rgc3d.finish(sums[0], sums[1], p.sensitivity, true);
    }

    /** Adds the sample at offset (dx, dy, dz), gradient index {@code idx}, to {@code sums = {acc, wsum}}. */
    private static void sample(Esrrf3dPlan p, float[] gx, float[] gy, float[] gz, int idx, float dx, float dy,
            float dz, float[] sums) {
        float d = Rgc3d.sqrt(dx * dx + dy * dy + dz * dz);
        float dxy = Rgc3d.sqrt(dx * dx + dy * dy);
        if (d == 0 || !(dxy <= p.tSO) || !Rgc3d.axial(p.geo, dz, p.tSOz)) {
            return;
        }
        float wt = Rgc3d.weight(d, dxy, dz, p.tSS, p.tSSz);
        sums[1] += wt;
        float x = gx[idx];
        float y = gy[idx];
        float z = gz[idx];
        if (Rgc3d.dot(x, y, z, dx, dy, dz) < 0) {
            sums[0] = Rgc3d.accumulate(sums[0], Rgc3d.dk(x, y, z, dx, dy, dz, d), wt);
        }
    }
}
