package org.flowscope.methods.drift;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscope.core.image.ImageStack;
import org.flowscope.methods.crosscorrelation.CrossCorrelationInput;
import org.flowscope.methods.crosscorrelation.CrossCorrelationParams;
import org.flowscope.methods.crosscorrelation.CcmPeak;
import org.flowscope.methods.crosscorrelation.CrossCorrelationCpu;
import org.flowscope.testkit.ReferenceData;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real PC12 time series against pystackreg's translation-registered result. */
class DriftRealDataTest {
    private static final Logger LOG = LoggerFactory.getLogger(DriftRealDataTest.class);

    @Test
    void correctedPc12FramesLieWithinHalfAPixelOfStackRegResult() {
        ImageStack raw = ReferenceData.tiff(
                ReferenceData.sharedOrSkip("data/real/pystackreg-pc12-drift/pc12-unreg_5x201x199.tif")).toImageStack();
        ImageStack stackReg = ReferenceData.tiff(
                ReferenceData.sharedOrSkip("data/real/pystackreg-pc12-drift/pc12-reg-translation_5x201x199.tif")).toImageStack();
        DriftTable drift = new DriftEstimator(ShiftMeasurer.reference()).estimate(raw, null, DriftParams.defaults());
        ImageStack ours = DriftCorrectionCpu.compute(DriftCorrectionParams.defaults(), new DriftCorrectionInput(raw, drift));
        double m = Math.max(drift.maxAbs()[0], drift.maxAbs()[1]);
        int margin = (int) Math.ceil(m) + 4;
        ImageStack a = DriftNanoPyxReferenceTest.crop(ours, margin);
        ImageStack b = DriftNanoPyxReferenceTest.crop(stackReg, margin);
        double worst = 0;
        for (int f = 0; f < raw.frames(); f++) {
            CcmPeak p = CrossCorrelationCpu.compute(new CrossCorrelationParams(5, false), new CrossCorrelationInput(a.frame(f), b.frame(f))).peaks().get(0);
            double r = Math.hypot(p.dx(), p.dy());
            LOG.info("PC12 frame {}: drift ({}, {}) px, residual vs StackReg ({}, {}) px", f, drift.dx(f), drift.dy(f),
                    p.dx(), p.dy());
            worst = Math.max(worst, r);
        }
        assertTrue(worst <= 0.5, "worst residual " + worst + " px");
        assertTrue(drift.maxAbs()[0] + drift.maxAbs()[1] > 1, "the stack really drifts");
    }
}
