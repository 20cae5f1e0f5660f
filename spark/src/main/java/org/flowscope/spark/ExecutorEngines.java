package org.flowscope.spark;

import java.util.HashMap;
import java.util.Map;
import org.flowscope.engine.Engine;
import org.flowscope.engine.registry.ImplementationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link Engine} of this JVM per {@link EngineSettings}, built on first use and kept until the JVM exits.
 *
 * <p>Why a JVM-wide holder, against the house rule of injecting the engine: on an executor, flowscope's code runs as
 * deserialised task closures that Spark calls, with no place to inject anything, and an executor is a process Spark
 * starts for the application alone. An engine per task would rediscover the devices, recompile kernels and forget what
 * it measured for every block; one per executor keeps its device contexts, kernel caches and run-time history across
 * all the tasks it runs, and picks the implementation for the hardware of the machine it is on. The history is
 * flushed and the devices are released by a shutdown hook when the executor stops. In {@code local[N]} mode the
 * driver's JVM is the executor, so the tests and a workstation run use one engine for every block.
 */
public final class ExecutorEngines {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorEngines.class);
    private static final Map<EngineSettings, Engine> ENGINES = new HashMap<>();
    private static boolean hookInstalled;

    private ExecutorEngines() {
    }

    /** This JVM's engine for {@code settings}, built on first use. */
    public static synchronized Engine get(EngineSettings settings) {
        Engine engine = ENGINES.get(settings);
        if (engine == null) {
            ImplementationRegistry registry = ImplementationRegistry.load(ExecutorEngines.class.getClassLoader());
            engine = Engine.create(settings.config().withRegistry(registry));
            ENGINES.put(settings, engine);
            LOG.info("flowscope engine built on this executor for {}", settings);
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ExecutorEngines::closeAll, "flowscope-engines-close"));
                hookInstalled = true;
            }
        }
        return engine;
    }

    /** Closes every engine (history flushed, devices released); the next {@link #get} builds a new one. */
    public static synchronized void closeAll() {
        for (Engine e : ENGINES.values()) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                LOG.warn("could not close a flowscope engine: {}", ex.toString());
            }
        }
        ENGINES.clear();
    }
}
