package org.flowscope.core.stream;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscope.core.frame.Frame;
import org.flowscope.core.frame.FrameMetadata;
import org.flowscope.core.frame.FramePool;
import org.flowscope.core.source.FrameSource;
import org.flowscope.core.source.PixelData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Bridges a {@link FrameSource}'s producer thread to a {@code Flux<Frame>} through an LMAX Disruptor ring.
 *
 * <p>The source runs on its own thread ({@code flowscope-source}); each frame is copied into a buffer from the
 * {@link FramePool} and published into the ring; one ring consumer ({@code flowscope-ingest}) hands frames to the
 * subscriber only while it has outstanding demand, so the flux honours {@code request(n)}. <b>Backpressure:</b> a
 * subscriber that stops requesting holds frames in the ring, then the pool runs dry and the producer blocks in
 * {@link FramePool#acquire} — the source is slowed, never silently dropped. Frames the source itself lost are
 * counted from sequence gaps and {@link FrameSource#framesLostAfterLastFrame()} ({@link RunCounters#CAMERA_LOST}).
 *
 * <p><b>Cancel and error:</b> cancelling stops the source and releases every frame still in the ring; a source
 * failure is signalled as {@code onError} after the frames published before it. Each subscription runs the source
 * once; subscribe once.
 */
public final class IngestRing {
    private static final Logger LOG = LoggerFactory.getLogger(IngestRing.class);

    private IngestRing() {
    }

    /** A cold flux of {@code source}'s frames; {@code ringSize} is rounded up to a power of two. */
    public static Flux<Frame> frames(FrameSource source, FramePool pool, int ringSize, RunCounters counters) {
        if (ringSize < 1) {
            throw new IllegalArgumentException("ring size must be >= 1, got " + ringSize);
        }
        int size = Integer.highestOneBit(Math.max(2, ringSize - 1)) << 1;
        return Flux.create(sink -> new Bridge(source, pool, size, counters, sink).start(), FluxSink.OverflowStrategy.ERROR);
    }

    /** A ring slot: a frame, or the end of the stream (with an error or not). */
    static final class Slot {
        Frame frame;
        boolean end;
        Throwable error;

        void clear() {
            frame = null;
            end = false;
            error = null;
        }
    }

    private static final class Bridge implements EventHandler<Slot> {
        private static final AtomicInteger RUNS = new AtomicInteger();
        private final FrameSource source;
        private final FramePool pool;
        private final RunCounters counters;
        private final FluxSink<Frame> sink;
        private final Disruptor<Slot> disruptor;
        private final RingBuffer<Slot> ring;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final CountDownLatch ended = new CountDownLatch(1);
        private final Object demandLock = new Object();
        private final int run = RUNS.incrementAndGet();
        private volatile Thread producer;
        private long lastSequence = Long.MIN_VALUE;

        Bridge(FrameSource source, FramePool pool, int size, RunCounters counters, FluxSink<Frame> sink) {
            this.source = source;
            this.pool = pool;
            this.counters = counters;
            this.sink = sink;
            this.disruptor = new Disruptor<>(Slot::new, size, named("flowscope-ingest-" + run), ProducerType.SINGLE,
                    new BlockingWaitStrategy());
            disruptor.handleEventsWith(this);
            disruptor.setDefaultExceptionHandler(new ExceptionHandler<>() {
                @Override
                public void handleEventException(Throwable ex, long sequence, Slot event) {
                    if (event.frame != null) {
                        event.frame.release();
                        event.frame = null;
                    }
                    cancel();
                    sink.error(ex);
                    ended.countDown();
                }

                @Override
                public void handleOnStartException(Throwable ex) {
                    sink.error(ex);
                }

                @Override
                public void handleOnShutdownException(Throwable ex) {
                    LOG.warn("ingest ring shutdown failed", ex);
                }
            });
            this.ring = disruptor.getRingBuffer();
        }

        void start() {
            sink.onRequest(n -> {
                synchronized (demandLock) {
                    demandLock.notifyAll();
                }
            });
            sink.onCancel(this::cancel);
            disruptor.start();
            Thread t = named("flowscope-source-" + run).newThread(this::produce);
            producer = t;
            t.start();
        }

        private void produce() {
            Throwable failure = null;
            try {
                source.run(this::accept);
            } catch (StoppedException e) {
                // cancelled while waiting for a buffer
            } catch (Throwable e) {
                failure = e;
            }
            long lostAtEnd = source.framesLostAfterLastFrame();
            if (lostAtEnd > 0) {
                // before the end event, so that the summary's camera.lost includes them
                counters.add(RunCounters.CAMERA_LOST, lostAtEnd);
            }
            Throwable err = failure;
            ring.publishEvent((slot, seq) -> {
                slot.end = true;
                slot.error = err;
            });
            // cancel() interrupts this thread: waiting interruptibly would halt the ring before its consumer released
            // the frames still in it (after a cancel it releases them at once, then counts the end down)
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            disruptor.halt();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void accept(FrameMetadata md, PixelData pixels) {
            if (cancelled.get()) {
                throw new StoppedException();
            }
            long seq = md.sequence();
            if (lastSequence != Long.MIN_VALUE) {
                if (seq > lastSequence + 1) {
                    counters.add(RunCounters.CAMERA_LOST, seq - lastSequence - 1);
                } else if (seq <= lastSequence) {
                    counters.increment(RunCounters.INGEST_OUT_OF_ORDER);
                }
            }
            lastSequence = Math.max(lastSequence, seq);
            Frame frame;
            try {
                frame = pool.acquire(md, pixels);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoppedException();
            }
            counters.increment(RunCounters.INGEST_FRAMES);
            ring.publishEvent((slot, s, f) -> slot.frame = f, frame);
        }

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            if (slot.end) {
                Throwable err = slot.error;
                slot.clear();
                if (!cancelled.get()) {
                    if (err == null) {
                        sink.complete();
                    } else {
                        sink.error(err);
                    }
                }
                ended.countDown();
                return;
            }
            Frame frame = slot.frame;
            slot.clear();
            if (!awaitDemand()) {
                frame.release();
                return;
            }
            sink.next(frame);
        }

        private boolean awaitDemand() {
            while (!cancelled.get() && sink.requestedFromDownstream() <= 0) {
                synchronized (demandLock) {
                    if (!cancelled.get() && sink.requestedFromDownstream() <= 0) {
                        try {
                            demandLock.wait(5);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    }
                }
            }
            return !cancelled.get();
        }

        void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                source.stop();
                Thread p = producer;
                if (p != null) {
                    p.interrupt();
                }
                synchronized (demandLock) {
                    demandLock.notifyAll();
                }
            }
        }
    }

    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("ingest cancelled", null, false, false);
        }
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
