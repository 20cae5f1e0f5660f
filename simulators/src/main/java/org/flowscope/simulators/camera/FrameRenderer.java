package org.flowscope.simulators.camera;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a {@link Simulation}'s frames on worker threads, the same frames, bit for bit, as
 * {@link Simulation#next(int[])}. A frame is cut into bands of rows. The calling thread plans the frame (drift,
 * blinking: sequential and cheap) and hands the bands to the workers, which compute their expected photons; it
 * then walks the noise stream band by band as they complete ({@link NoisePlanner}, the only sequential pass
 * over the pixels) and hands each band back to the workers with the exact place where its noise draws begin.
 * The workers turn it into camera values. Three frames are in flight: while the workers finish the camera values of
 * one, the calling thread walks the noise of the next, whose expected photons were started a frame earlier, so the
 * walk (the sequential work) does not wait for them behind a frame of camera values.
 *
 * <p>Every band checks that its draws end where the next band's were planned to begin; if one ever did not (a JDK
 * whose Gaussian sampler consumed draws differently than probed), the frame is recomputed sequentially, a warning
 * is logged, and the rest of the run computes the noise on the calling thread.
 *
 * <p>With one thread everything runs on the calling thread. Not thread-safe: one caller.
 */
final class FrameRenderer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrameRenderer.class);

    /** Plans a band's noise from draw {@code q}, returning the draw after ({@link NoisePlanner}); tests of the safety net pass a wrong one. */
    @FunctionalInterface
    interface Planner {
        long plan(double[] lambda, BandNoise band, long q);
    }

    /** What the frames are delivered as. */
    enum Output {
        INT, U16, U8
    }

    private final Simulation sim;
    private final Planner planner;
    private final Output output;
    private final int threads;
    private final RenderPool pool;
    private final int width;
    private final int pixels;
    private final int rowsPerBand;
    private final int bands;
    /** {@link NoiseStreams#BANDED}: every band's noise from its own stream, no walk. */
    private final boolean banded;
    /** Frame t lives in slot t % 3: the one returned, the one whose noise is walked, the one whose photons are computed. */
    private final Slot[] slots = new Slot[3];
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ThreadLocal<int[]> scratch;
    private final long origin;
    private final long gamma;
    private final long gammaInverse;
    private final NoisePrescan prescan;
    /** The frame to return next; its noise is walked (null before the first frame). */
    private Slot current;
    /** The frame after it, its expected photons under way (null when there is none). */
    private Slot prepared;
    private boolean sequentialNoise;
    /** The next frame's first noise draw, counted from {@link #origin}. */
    private long position;

    /** One frame in flight: its plan, expected photons, noise plan and output. */
    private final class Slot {
        final double[] lambda;
        final int[] ints;
        final short[] shorts;
        final byte[] bytes;
        final long[] starts = new long[bands + 1];
        final BandNoise[] bandNoise = new BandNoise[bands];
        Simulation.FramePlan plan;
        CountDownLatch expected;
        CountDownLatch noise;
        CountDownLatch[] band;
        volatile boolean outOfStep;

        Slot() {
            lambda = new double[pixels];
            ints = output == Output.INT ? new int[pixels] : null;
            shorts = output == Output.U16 ? new short[pixels] : null;
            bytes = output == Output.U8 ? new byte[pixels] : null;
            for (int b = 0; b < bands; b++) {
                bandNoise[b] = new BandNoise(b * rowsPerBand * width, Math.min(pixels, (b + 1) * rowsPerBand * width));
            }
        }
    }

    /** A rendered frame, valid until the next call of {@link #next()}. */
    record Frame(Simulation.FramePlan plan, int[] ints, short[] shorts, byte[] bytes) {
        long number() {
            return plan.frame();
        }
    }

    /**
     * @param threads worker threads for the parallel steps, &ge; 1 (1: everything on the calling thread)
     */
    FrameRenderer(Simulation sim, Output output, int threads) {
        this(sim, output, threads, null);
    }

    /** @param wrap applied to the {@link NoisePlanner}'s plan (tests of the safety net make it wrong); null: none */
    FrameRenderer(Simulation sim, Output output, int threads, java.util.function.UnaryOperator<Planner> wrap) {
        if (threads < 1) {
            throw new IllegalArgumentException("renderer threads must be >= 1, got " + threads);
        }
        this.sim = sim;
        this.output = output;
        this.threads = threads;
        CameraParams cam = sim.params().camera();
        this.width = cam.width();
        this.pixels = cam.width() * cam.height();
        this.rowsPerBand = Math.min(cam.height(), Simulation.bandRows(cam.width()));
        this.banded = sim.params().noise() == NoiseStreams.BANDED;
        this.bands = (cam.height() + rowsPerBand - 1) / rowsPerBand;
        this.pool = threads == 1 ? null : new RenderPool(threads);
        int bandPixels = rowsPerBand * width;
        this.scratch = ThreadLocal.withInitial(() -> new int[Math.max(bandPixels, pixels)]);
        SplitMix stream = sim.noiseStream();
        this.origin = stream.state();
        this.gamma = stream.gamma();
        this.gammaInverse = SplitMix.inverse(gamma);
        this.prescan = pool == null ? null : new NoisePrescan(sim.noise(), origin, gamma, r -> pool.execute(RenderPool.SCAN, r));
        NoisePlanner fast = pool == null ? null : new NoisePlanner(sim.noise(), prescan, origin, gamma);
        this.planner = fast == null ? null : wrap == null ? fast::plan : wrap.apply(fast::plan);
        slots[0] = new Slot();
        if (pool != null) {
            slots[1] = new Slot();
            slots[2] = new Slot();
        }
    }

    int threads() {
        return threads;
    }

    boolean hasNext() {
        return sim.hasNext();
    }

    /** Renders the next frame. */
    Frame next() throws InterruptedException {
        if (!sim.hasNext()) {
            throw new IllegalStateException("simulation of " + sim.params().frames() + " frames is exhausted");
        }
        if (pool == null) {
            Slot s = slots[0];
            s.plan = sim.plan();
            sim.expected(s.plan, new PsfRenderer.Footprint[s.plan.on().length], s.lambda, 0, sim.params().camera().height());
            if (banded) {
                for (int b = 0; b < bands; b++) {
                    plainValues(s, s.bandNoise[b].from(), s.bandNoise[b].to(), sim.bandStream(s.plan.frame(), b));
                }
            } else {
                plainValues(s, 0, pixels, sim.noiseStream());
            }
            sim.delivered(s.plan);
            return frame(s);
        }
        if (banded) {
            return nextBanded();
        }
        if (current == null) {
            current = prepareNext();
            walk(current);
            prepared = prepareNext();
        }
        Slot done = current;
        Slot ahead = prepared;
        if (ahead != null) {
            // the frame after 'ahead' starts its expected photons first, so that they are ready when the walk
            // reaches it: the walk, the one sequential pass, never waits for a band behind a frame of camera values
            prepared = prepareNext();
            walk(ahead); // overlaps with the workers finishing 'done'
        }
        await(done.noise);
        if (done.outOfStep) {
            recoverSequentially(done, ahead);
        }
        sim.delivered(done.plan);
        current = ahead;
        return frame(done);
    }

    /** {@link NoiseStreams#BANDED}: three frames' bands computed at once, each band photons and noise in one task. */
    private Frame nextBanded() throws InterruptedException {
        if (current == null) {
            current = startBanded();
            prepared = startBanded();
        }
        Slot done = current;
        current = prepared;
        if (prepared != null) {
            prepared = startBanded();
        }
        await(done.noise);
        sim.delivered(done.plan);
        return frame(done);
    }

    /** Plans the next frame into its slot and starts its bands, photons then camera values; null when all are planned. */
    private Slot startBanded() {
        if (sim.planned() >= sim.params().frames()) {
            return null;
        }
        Slot s = slots[(int) (sim.planned() % slots.length)];
        s.plan = sim.plan();
        s.noise = new CountDownLatch(bands);
        PsfRenderer.Footprint[] footprints = new PsfRenderer.Footprint[s.plan.on().length];
        for (int b = 0; b < bands; b++) {
            int r0 = b * rowsPerBand;
            int r1 = Math.min(sim.params().camera().height(), r0 + rowsPerBand);
            int band = b;
            submit(RenderPool.EXPECTED, () -> {
                sim.expected(s.plan, footprints, s.lambda, r0, r1);
                plainValues(s, s.bandNoise[band].from(), s.bandNoise[band].to(), sim.bandStream(s.plan.frame(), band));
                s.noise.countDown();
            });
        }
        return s;
    }

    /** Plans the next frame into its slot and starts its bands' expected photons; null when all are planned. */
    private Slot prepareNext() {
        if (sim.planned() >= sim.params().frames()) {
            return null;
        }
        Slot s = slots[(int) (sim.planned() % slots.length)];
        s.plan = sim.plan();
        s.outOfStep = false;
        s.band = new CountDownLatch[bands];
        s.noise = new CountDownLatch(bands);
        PsfRenderer.Footprint[] footprints = new PsfRenderer.Footprint[s.plan.on().length];
        double background = sim.noise().backgroundLambda();
        for (int b = 0; b < bands; b++) {
            CountDownLatch ready = new CountDownLatch(1);
            s.band[b] = ready;
            int r0 = b * rowsPerBand;
            int r1 = Math.min(sim.params().camera().height(), r0 + rowsPerBand);
            BandNoise band = s.bandNoise[b];
            submit(RenderPool.EXPECTED, () -> {
                sim.expected(s.plan, footprints, s.lambda, r0, r1);
                band.classify(s.lambda, background);
                ready.countDown();
            });
        }
        return s;
    }

    private Frame frame(Slot s) {
        return new Frame(s.plan, s.ints, s.shorts, s.bytes);
    }

    /** Walks a prepared frame's noise stream band by band as its expected photons come in, and starts its camera values. */
    private void walk(Slot s) throws InterruptedException {
        long q = position;
        if (!sequentialNoise) {
            prescan.ahead(q, q + 6L * pixels); // about two frames of draws ahead
        }
        for (int b = 0; b < bands; b++) {
            await(s.band[b]);
            BandNoise band = s.bandNoise[b];
            s.starts[b] = q;
            if (sequentialNoise) {
                SplitMix rng = SplitMix.at(origin + q * gamma, gamma);
                plainValues(s, band.from(), band.to(), rng);
                q = index(rng.state());
                s.noise.countDown();
                continue;
            }
            q = planner.plan(s.lambda, band, q);
            s.starts[b + 1] = q;
            int bandNumber = b;
            submit(RenderPool.VALUES, () -> {
                SplitMix rng = SplitMix.at(origin + s.starts[bandNumber] * gamma, gamma);
                plannedValues(s, band, rng);
                if (index(rng.state()) != s.starts[bandNumber + 1]) {
                    s.outOfStep = true;
                }
                s.noise.countDown();
            });
        }
        position = q;
        sim.noiseStream().position(origin + q * gamma);
        if (!sequentialNoise) {
            prescan.forgetBefore(q / NoisePrescan.BLOCK);
        }
    }

    private long index(long state) {
        return (state - origin) * gammaInverse;
    }

    /** A band's draws did not end where planned: redo the frame on this thread, and all later noise as well. */
    private void recoverSequentially(Slot done, Slot ahead) throws InterruptedException {
        LOG.warn("simulated camera: parallel noise went out of step with the sequential stream at frame {}; "
                + "computing the noise on one thread from now on (same frames, slower)", done.plan.frame());
        sequentialNoise = true;
        SplitMix rng = SplitMix.at(origin + done.starts[0] * gamma, gamma);
        plainValues(done, 0, pixels, rng);
        if (ahead != null) {
            await(ahead.noise); // its bands started from a wrong place: redo them from the right one
            plainValues(ahead, 0, pixels, rng);
            ahead.outOfStep = false;
        }
        position = index(rng.state());
        sim.noiseStream().position(rng.state());
    }

    /** Camera values of a planned band, drawn from {@code rng} (at the band's first draw), into the slot's output. */
    private void plannedValues(Slot s, BandNoise band, SplitMix rng) {
        if (output == Output.INT) {
            sim.noise().render(s.lambda, band, rng, s.ints, band.from());
            return;
        }
        int[] adu = scratch.get();
        sim.noise().render(s.lambda, band, rng, adu, 0);
        convert(s, adu, band.from(), band.to());
    }

    /** Camera values of pixels {@code [from, to)}, drawn from {@code rng} without a plan, into the slot's output. */
    private void plainValues(Slot s, int from, int to, SplitMix rng) {
        if (output == Output.INT) {
            sim.noise().render(s.lambda, from, to, rng, s.ints, from);
            return;
        }
        int[] adu = scratch.get();
        sim.noise().render(s.lambda, from, to, rng, adu, 0);
        convert(s, adu, from, to);
    }

    private void convert(Slot s, int[] adu, int from, int to) {
        if (output == Output.U16) {
            for (int i = from; i < to; i++) {
                s.shorts[i] = (short) adu[i - from];
            }
        } else {
            for (int i = from; i < to; i++) {
                s.bytes[i] = (byte) adu[i - from];
            }
        }
    }

    private void submit(int priority, Runnable task) {
        pool.execute(priority, () -> {
            try {
                task.run();
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                throw t;
            }
        });
    }

    /** Waits for {@code latch}, polling for a worker's failure so that a crashed task cannot hang the camera. */
    private void await(CountDownLatch latch) throws InterruptedException {
        while (!latch.await(50, TimeUnit.MILLISECONDS)) {
            rethrowFailure();
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable t = failure.get();
        if (t != null) {
            throw new IllegalStateException("simulated camera: a rendering thread failed: " + t, t);
        }
    }

    /** Stops the workers (after the frame in flight, if any). */
    @Override
    public void close() {
        if (pool == null) {
            return;
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("simulated camera: rendering threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
