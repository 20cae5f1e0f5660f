package org.flowscope.simulators.camera;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders a camera's frames ahead of its consumer, in order, on a producer thread: each frame of the
 * {@link FrameRenderer} is copied into one of {@value #AHEAD} recycled buffers and queued, so that the renderer's
 * sequential part (planning a frame and walking its noise stream) runs while the consumer handles earlier frames
 * instead of after them. No buffer is allocated per frame; the consumer hands each back with {@link #recycle}.
 * A failure of the producer is rethrown by {@link #take}; {@link #close} stops it and takes the frames rendered
 * but never taken out of the ground truth again ({@link Simulation#withdraw}), so that it describes exactly the
 * frames the consumer received.
 */
final class RenderAhead implements AutoCloseable {
    /** Frames rendered ahead at most: enough to absorb the consumer's jitter, few enough to keep memory small. */
    static final int AHEAD = 4;

    /** A rendered frame: its number, pixels (one of shorts and bytes) and the time the renderer took for it. */
    record Rendered(Simulation.FramePlan plan, short[] shorts, byte[] bytes, long renderNanos) {
        long number() {
            return plan.frame();
        }
    }

    /** A free buffer (pixels only) or a queued frame. */
    private static final class Buffer {
        final short[] shorts;
        final byte[] bytes;

        Buffer(int pixels, boolean u8) {
            shorts = u8 ? null : new short[pixels];
            bytes = u8 ? new byte[pixels] : null;
        }
    }

    private static final Rendered END = new Rendered(null, null, null, 0);

    private final BlockingQueue<Buffer> free = new ArrayBlockingQueue<>(AHEAD);
    private final BlockingQueue<Rendered> ready = new ArrayBlockingQueue<>(AHEAD + 1);
    private final java.util.Map<Object, Buffer> owners = new java.util.IdentityHashMap<>();
    private final Simulation sim;
    private final Thread producer;
    private volatile Throwable failure;

    RenderAhead(Simulation sim, FrameRenderer renderer, int pixels, boolean u8, AtomicBoolean stopped) {
        this.sim = sim;
        for (int i = 0; i < AHEAD; i++) {
            Buffer b = new Buffer(pixels, u8);
            free.add(b);
            owners.put(u8 ? b.bytes : b.shorts, b);
        }
        producer = new Thread(() -> produce(renderer, stopped), "flowscope-sim-ahead");
        producer.setDaemon(true);
        producer.start();
    }

    private void produce(FrameRenderer renderer, AtomicBoolean stopped) {
        try {
            while (renderer.hasNext() && !stopped.get()) {
                Buffer b = free.take();
                long r0 = System.nanoTime();
                FrameRenderer.Frame f = renderer.next();
                long rendered = System.nanoTime() - r0;
                if (b.shorts != null) {
                    System.arraycopy(f.shorts(), 0, b.shorts, 0, b.shorts.length);
                } else {
                    System.arraycopy(f.bytes(), 0, b.bytes, 0, b.bytes.length);
                }
                // offer, not put: there is always room (AHEAD buffers), and an interrupt must not lose a frame the
                // simulation already counts as delivered (close() takes it back from the ground truth)
                ready.offer(new Rendered(f.plan(), b.shorts, b.bytes, rendered));
            }
        } catch (InterruptedException e) {
            return; // closed: nobody takes what is left
        } catch (Throwable t) {
            failure = t;
        }
        ready.offer(END); // room is kept for it: at most AHEAD frames are queued
    }

    /** The next frame in order, or null once the simulation is over or the camera stopped. */
    Rendered take() throws InterruptedException {
        Rendered r = ready.take();
        if (r == END) {
            Throwable t = failure;
            if (t != null) {
                throw new IllegalStateException("simulated camera: rendering failed: " + t, t);
            }
            return null;
        }
        return r;
    }

    /** Gives a frame's buffer back for a later frame (the consumer no longer reads it). */
    void recycle(Rendered r) {
        Buffer b = owners.get(r.shorts() != null ? r.shorts() : r.bytes());
        if (b != null && !free.offer(b)) {
            throw new IllegalStateException("simulated camera: a frame buffer was handed back twice");
        }
    }

    @Override
    public void close() {
        producer.interrupt();
        boolean interrupted = false;
        while (producer.isAlive()) {
            try {
                producer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                interrupted = true; // the producer must end before the ground truth is corrected
            }
        }
        java.util.List<Rendered> left = new java.util.ArrayList<>();
        ready.drainTo(left);
        for (int i = left.size() - 1; i >= 0; i--) {
            if (left.get(i) != END) {
                sim.withdraw(left.get(i).plan());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
