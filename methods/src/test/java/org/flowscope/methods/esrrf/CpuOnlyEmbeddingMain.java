package org.flowscope.methods.esrrf;

import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.flowscope.core.image.ImageStack;
import org.flowscope.engine.Engine;
import org.flowscope.engine.EngineConfig;
import org.flowscope.engine.device.BackendStatus;
import org.flowscope.methods.numerics.scenes.SyntheticFrames;

/**
 * An embedding application in miniature, run by {@link CpuOnlyClassPathTest} in a child JVM whose class path has the
 * engine, the methods and stream-core but neither the backend modules nor JOCL/JCuda: it runs eSRRF with the engine
 * choosing freely, writes the result to {@code args[1]} (float32, big-endian) and what it saw to {@code args[0]}, and
 * prints nothing itself.
 */
public final class CpuOnlyEmbeddingMain {
    /** The input both the child and the test build. */
    static ImageStack input() {
        return SyntheticFrames.denseBlinking(10, 24, 20, 11);
    }

    private CpuOnlyEmbeddingMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties report = new Properties();
        for (String c : new String[] {"org.jocl.CL", "jcuda.driver.JCudaDriver", "org.flowscope.engine.opencl.OpenClDevice",
            "org.flowscope.engine.cuda.CudaDevice"}) {
            report.setProperty("present." + c, Boolean.toString(present(c)));
        }
        ImageStack out;
        try (Engine engine = Engine.create(EngineConfig.inMemory())) {
            out = engine.run(new Esrrf(), EsrrfParams.defaults(), input());
            for (BackendStatus b : engine.backends()) {
                report.setProperty("backend." + b.kind(), b.devices() + "|" + b.reason() + "|" + b.remedy());
            }
            report.setProperty("problems", String.join("\n", engine.registry().problems()));
            report.setProperty("implementations", String.join(",", engine.registry().forOperation("esrrf").stream()
                    .map(i -> i.info().id()).toList()));
        }
        try (DataOutputStream data = new DataOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            data.writeInt(out.frames());
            data.writeInt(out.height());
            data.writeInt(out.width());
            for (float v : out.data()) {
                data.writeFloat(v);
            }
        }
        try (OutputStream o = Files.newOutputStream(Path.of(args[0]))) {
            report.store(o, null);
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CpuOnlyEmbeddingMain.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
