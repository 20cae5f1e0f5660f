package org.flowscope.methods.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.RunOptions;
import org.flowscope.engine.spi.Backend;
import org.flowscope.methods.decorr.Decorr;
import org.flowscope.methods.decorr.DecorrCpu;
import org.flowscope.methods.decorr.DecorrParams;
import org.flowscope.methods.decorr.DecorrResult;
import org.flowscope.methods.frc.Frc;
import org.flowscope.methods.frc.FrcCpu;
import org.flowscope.methods.frc.FrcInput;
import org.flowscope.methods.frc.FrcParams;
import org.flowscope.methods.frc.FrcResult;
import org.flowscope.methods.numerics.scenes.BandLimitedNoise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityEngineTest {
    @TempDir
    Path store;

    @Test
    void engineRunsTheRegisteredQualityImplementations() {
        BandLimitedNoise sample = new BandLimitedNoise(128, 0.2, 3);
        ImageStack a = sample.realisation(1, 1);
        ImageStack b = sample.realisation(1, 2);
        try (Engine engine = Engine.create(EngineConfig.forTests(store))) {
            FrcResult frc = engine.run(new Frc(), FrcParams.defaults(), new FrcInput(a, b));
            assertEquals(FrcCpu.compute(FrcParams.defaults(), new FrcInput(a, b)).resolutionPx(), frc.resolutionPx(), 0);
            DecorrResult threaded = engine.run(new Decorr(), DecorrParams.defaults(), a, RunOptions.backend(Backend.CPU_THREADED));
            assertEquals(DecorrCpu.compute(DecorrParams.defaults(), a).resolutionPx(), threaded.resolutionPx(), 0);
            assertTrue(engine.candidates("decorr").size() >= 2, "both decorrelation implementations registered");
            assertTrue(engine.candidates("squirrel").size() >= 2, "both SQUIRREL implementations registered");
        }
    }
}
