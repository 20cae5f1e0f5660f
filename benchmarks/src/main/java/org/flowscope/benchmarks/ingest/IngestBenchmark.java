package org.flowscope.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.FramePool;
import org.flowscope.core.frame.PixelType;
import org.flowscope.core.io.zarr.ZarrWriteOptions;
import org.flowscope.core.sink.TiffFrameSink;
import org.flowscope.core.sink.ZarrFrameSink;
import org.flowscope.core.source.FrameConsumer;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.flowscope.core.source.SourceFormat;
import org.flowscope.core.stream.FrameFlux;
import org.flowscope.core.stream.IngestRing;
import org.flowscope.core.stream.RunCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingest throughput in frames per second: a producer thread hands 512x512 u16 frames (pre-made, so the source costs
 * nothing) to the Disruptor ring, which feeds a request(n)-driven {@code Flux<Frame>}; the frames go to a null sink
 * (released at once) or through the raw TIFF or OME-Zarr sink (written to a temporary folder; the store replaced by
 * each invocation). Each operation is one frame.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class IngestBenchmark {
    static final int FRAMES = 2000;

    @Param({"512"})
    int size;

    FramePool pool;
    Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        pool = new FramePool(size, size, PixelType.U16, 64);
        dir = Files.createTempDirectory("flowscope-bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long ringToNullSink() {
        RunCounters counters = new RunCounters();
        IngestRing.frames(new PremadeSource(size, FRAMES), pool, 256, counters).doOnNext(Frame::release).blockLast();
        return counters.get(RunCounters.INGEST_FRAMES);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long ringToTiffRawSink() {
        RunCounters counters = new RunCounters();
        PremadeSource src = new PremadeSource(size, FRAMES);
        TiffFrameSink sink = new TiffFrameSink(dir.resolve("raw.tif"), src.format());
        FrameFlux.tapRaw(IngestRing.frames(src, pool, 256, counters), sink::write, counters)
                .doOnNext(Frame::release).blockLast();
        sink.finish();
        return counters.get(RunCounters.RAW_FRAMES);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long ringToOmeZarrRawSink() {
        RunCounters counters = new RunCounters();
        PremadeSource src = new PremadeSource(size, FRAMES);
        ZarrFrameSink sink = new ZarrFrameSink(dir.resolve("raw.ome.zarr"), src.format(),
                ZarrWriteOptions.named("raw", "raw"));
        FrameFlux.tapRaw(IngestRing.frames(src, pool, 256, counters), sink::write, counters)
                .doOnNext(Frame::release).blockLast();
        sink.finish();
        return counters.get(RunCounters.RAW_FRAMES);
    }

    /** Delivers the same pre-filled frame {@code frames} times, as fast as the ring takes it. */
    static final class PremadeSource implements FrameSource {
        private final int size;
        private final int frames;
        private final short[] pixels;
        private volatile boolean stopped;

        PremadeSource(int size, int frames) {
            this.size = size;
            this.frames = frames;
            this.pixels = new short[size * size];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (short) (100 + i % 1000);
            }
        }

        @Override
        public SourceFormat format() {
            return new SourceFormat(size, size, PixelType.U16, OptionalLong.of(frames), OptionalDouble.empty(),
                    OptionalDouble.of(100));
        }

        @Override
        public void run(FrameConsumer consumer) {
            PixelData.U16 px = new PixelData.U16(pixels);
            for (int i = 0; i < frames && !stopped; i++) {
                consumer.accept(new FrameMetadata(i, i, size, size, PixelType.U16, OptionalDouble.empty(), 0, "bench"), px);
            }
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public void close() {
        }
    }
}
