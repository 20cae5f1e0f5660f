package org.flowscope.methods.esrrfsweep;

import java.util.List;
import java.util.TreeMap;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.spi.Operation;
import org.flowscope.engine.spi.Tolerance;
import org.flowscope.engine.spi.WorkShape;
import org.flowscope.methods.decorr.Decorr;
import org.flowscope.methods.esrrf.Esrrf;
import org.flowscope.methods.frc.Frc;

/**
 * eSRRF's parameter sweep (Laine, Heil et al., Nat. Methods 20, 1949&ndash;1956 (2023); NanoPyx's
 * {@code run_esrrf_parameter_sweep} and NanoJ-eSRRF's sweep; methods spec &sect;15): which radius, sensitivity and
 * frame count give the most faithful and best-resolved eSRRF reconstruction of a stack.
 *
 * <p>For every combination (radius {@code r}, sensitivity {@code s}, frames {@code n}) and every block of {@code n}
 * consecutive frames ({@link SweepDriver}):
 * <ul>
 *   <li><b>RSP</b>: SQUIRREL's resolution-scaled Pearson coefficient ({@code squirrel}, spec &sect;12) between the
 *       block's temporal mean (the widefield image) and its eSRRF reconstruction;</li>
 *   <li><b>resolution</b>: FRC ({@code frc}, spec &sect;10) between the reconstructions of the block's even and odd
 *       frames, or the decorrelation resolution ({@code decorr}, spec &sect;11) of the block's reconstruction;</li>
 * </ul>
 * each averaged over the blocks where it could be measured. The resolution map is normalised by a logistic spanning
 * its extremes and combined with RSP into the QnR score, their harmonic mean ({@link QnrScore}). The best combination
 * has the highest QnR.
 *
 * <p>This operation is the sweep as the engine sees it: its one implementation, {@link EsrrfSweepCpu}, is the plain-Java
 * reference, which runs the sub-operations' references. {@code process esrrf-sweep} runs the same {@link SweepDriver}
 * with each sub-operation going through the command's engine ({@link EngineSteps}), so eSRRF, FRC and decorrelation run
 * on the engine's choice of implementation and device, within their own tolerances of these references.
 *
 * <p>Units: radius in input pixels; resolution in input pixels (SR pixels divided by the magnification) or nm; RSP,
 * normalised resolution and QnR dimensionless.
 */
public final class EsrrfSweep implements Operation<EsrrfSweepParams, ImageStack, SweepResult> {
    public static final String ID = "esrrf-sweep";
    /** SQUIRREL needs a widefield image of at least this side. */
    static final int MIN_REFERENCE_SIDE = 4;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void validate(EsrrfSweepParams p, ImageStack in) {
        int min = EsrrfSweepParams.minFrames(p.resolution(), p.esrrf().temporal());
        if (in.frames() < min) {
            throw new IllegalArgumentException("the sweep needs at least " + min + " frames for " + p.resolution() + " with "
                    + p.esrrf().temporal() + ", the stack has " + in.frames());
        }
        for (int n : p.frameCounts()) {
            if (n > in.frames()) {
                throw new IllegalArgumentException("frames per reconstruction " + n + " is more than the stack's "
                        + in.frames() + " frames");
            }
        }
        if (in.height() < MIN_REFERENCE_SIDE || in.width() < MIN_REFERENCE_SIDE) {
            throw new IllegalArgumentException("the sweep needs frames of at least " + MIN_REFERENCE_SIDE + "x"
                    + MIN_REFERENCE_SIDE + " pixels for SQUIRREL, got " + in.height() + "x" + in.width());
        }
        int m = p.esrrf().magnification();
        int side = Math.min(in.height(), in.width()) * m;
        int needed = p.resolution() == ResolutionMetric.FRC ? Frc.MIN_SIDE : Decorr.MIN_SIDE;
        if (side < needed) {
            throw new IllegalArgumentException(p.resolution() + " needs reconstructions of at least " + needed + "x" + needed
                    + " pixels, got " + in.height() * m + "x" + in.width() * m + " (" + in.height() + "x" + in.width()
                    + " at magnification " + m + ")");
        }
        // eSRRF's own limits (the magnified frame size) on a small sample: the stack itself was checked above
        new Esrrf().validate(p.esrrf(), in.frames(0, Math.min(in.frames(), 2)));
    }

    @Override
    public WorkShape shape(EsrrfSweepParams p, ImageStack in) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put("radii", p.radii().toString());
        m.put("sensitivities", p.sensitivities().toString());
        m.put("frames", p.frameCounts(in.frames()).toString());
        m.put("magnification", Integer.toString(p.esrrf().magnification()));
        m.put("temporal", p.esrrf().temporal().name());
        m.put("resolution", p.resolution().name());
        return new WorkShape(ID, List.of(in.frames(), in.height(), in.width()), "f32", m);
    }

    /** eSRRF's cost of every frame reconstructed: each combination reconstructs about the whole stack once per count. */
    @Override
    public double cost(EsrrfSweepParams p, ImageStack in) {
        double perStack = new Esrrf().cost(p.esrrf(), in);
        return perStack * p.combinations(in.frames());
    }

    /**
     * Applies to the RSP, resolution (input pixels) and QnR maps concatenated ({@link #values}): the sub-operations'
     * implementations differ from their references by up to 1e-4 of the largest eSRRF value; RSP moves far less, and
     * an FRC crossing moves by about the curve's change divided by its slope.
     */
    @Override
    public Tolerance tolerance() {
        return new Tolerance(2e-3, 2e-3);
    }

    /** The RSP, resolution and QnR maps concatenated, in map order. */
    public static float[] values(SweepResult r) {
        int n = r.cells().size();
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            SweepCell c = r.cells().get(i);
            out[i] = (float) c.rsp();
            out[n + i] = (float) c.resolutionPx();
            out[2 * n + i] = (float) c.qnr();
        }
        return out;
    }
}
