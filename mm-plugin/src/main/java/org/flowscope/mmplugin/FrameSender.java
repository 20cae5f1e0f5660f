package org.flowscope.mmplugin;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands frames from Micro-Manager's pipeline to a flowscope service without ever blocking the pipeline.
 *
 * <p>{@link #offer} puts a frame into a bounded queue and returns at once; when the queue is full the frame is
 * counted as undelivered. One sender thread takes frames from the queue and writes them to the service; when the
 * service is slow, TCP backpressure stalls that thread only. The connection opens with the first frame (whose
 * size and type the handshake announces) and reopens when the format changes; after a failure the sender waits
 * {@value #RETRY_MS} ms before reconnecting and counts the frames it could not send meanwhile.
 *
 * <p>{@link #finish()} lets the queue drain, sends END and waits for the service's count of accepted frames, so
 * that the counters add up: see {@link SenderStats}.
 */
public final class FrameSender implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(FrameSender.class.getName());
    static final int RETRY_MS = 1000;
    private static final int CONNECT_TIMEOUT_MS = 3000;
    private static final int ACK_TIMEOUT_MS = 60_000;
    private static final OutgoingFrame END = new OutgoingFrame(1, 1, WireFormat.PIXEL_U8, new byte[1], -1, 0, 0, 0);

    private final SenderSettings settings;
    private final BlockingQueue<OutgoingFrame> queue;
    private final Thread thread;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong droppedQueueFull = new AtomicLong();
    private final AtomicLong droppedUnreachable = new AtomicLong();
    private final AtomicLong unconfirmed = new AtomicLong();
    private volatile String lastError;
    private volatile boolean finishing;
    private volatile boolean closed;

    private volatile WireConnection connection;
    private OutgoingFrame connectionFormat;
    private long retryAfterNs;

    public FrameSender(SenderSettings settings) {
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<OutgoingFrame>(settings.queueCapacity() + 1);
        this.thread = new Thread(new Runnable() {
            @Override
            public void run() {
                sendLoop();
            }
        }, "flowscope-sender");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a frame for sending; never blocks.
     *
     * @return false when the frame was dropped (queue full, or the sender finishing), and counted as undelivered
     */
    public boolean offer(OutgoingFrame frame) {
        offered.incrementAndGet();
        if (finishing || closed) {
            droppedUnreachable.incrementAndGet();
            return false;
        }
        // One queue slot is kept for END, so the capacity for frames is settings.queueCapacity().
        if (queue.size() >= settings.queueCapacity() || !queue.offer(frame)) {
            droppedQueueFull.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Counts a frame the caller could not even convert (unsupported image type) as undelivered. */
    public void countUnsendable(String reason) {
        offered.incrementAndGet();
        droppedUnreachable.incrementAndGet();
        lastError = reason;
    }

    /** Starts an orderly end: queued frames are sent, then END; returns at once. */
    public void finish() {
        if (!finishing) {
            finishing = true;
            queue.offer(END);
        }
    }

    /** Waits until {@link #finish()} completed (service acknowledged, or gave up). */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    public SenderStats stats() {
        long off = offered.get();
        long ack = acknowledged.get();
        long full = droppedQueueFull.get();
        long unreachable = droppedUnreachable.get();
        long unconf = unconfirmed.get();
        return new SenderStats(off, ack, full, unreachable, unconf, Math.max(0, off - ack - full - unreachable - unconf),
                lastError);
    }

    public SenderSettings settings() {
        return settings;
    }

    private void sendLoop() {
        try {
            while (!closed) {
                OutgoingFrame frame = queue.poll(100, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                if (frame == END) {
                    endConnection();
                    return;
                }
                send(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            abandonConnection("sender closed", false);
            OutgoingFrame left;
            while ((left = queue.poll()) != null) {
                if (left != END) {
                    droppedUnreachable.incrementAndGet();
                }
            }
            finished.countDown();
        }
    }

    private void send(OutgoingFrame frame) {
        if (connection != null && !frame.sameFormat(connectionFormat)) {
            endConnection();
        }
        if (connection != null) {
            String closed = connection.closedByService();
            if (closed != null) {
                // E.g. the service's idle timeout after a long pause of a time-lapse: reconnect for this frame.
                // The frames sent before had no ACK, so they stay counted as unconfirmed.
                abandonConnection(closed, false);
                retryAfterNs = 0;
            }
        }
        if (connection == null) {
            if (System.nanoTime() < retryAfterNs) {
                droppedUnreachable.incrementAndGet();
                return;
            }
            try {
                connection = WireConnection.open(settings, frame, CONNECT_TIMEOUT_MS);
                connectionFormat = frame;
            } catch (IOException e) {
                failed("cannot stream to flowscope at " + settings.host() + ":" + settings.port() + ": " + e.getMessage());
                droppedUnreachable.incrementAndGet();
                return;
            }
        }
        try {
            connection.send(frame);
        } catch (IOException e) {
            String reason = connection.pendingError();
            // The frame being written is unconfirmed along with the others on this connection.
            abandonConnection(reason != null ? reason : "connection lost: " + e.getMessage(), true);
        }
    }

    private void endConnection() {
        if (connection == null) {
            return;
        }
        long sent = connection.sent();
        try {
            long accepted = connection.end(ACK_TIMEOUT_MS);
            acknowledged.addAndGet(accepted);
            if (accepted < sent) {
                unconfirmed.addAndGet(sent - accepted);
                failed("the service accepted " + accepted + " of " + sent + " frames");
            }
        } catch (IOException e) {
            unconfirmed.addAndGet(sent);
            failed("no acknowledgement from the service: " + e.getMessage());
        } finally {
            closeQuietly();
        }
    }

    private void abandonConnection(String reason, boolean frameBeingWritten) {
        if (connection == null) {
            return;
        }
        unconfirmed.addAndGet(connection.sent() + (frameBeingWritten ? 1 : 0));
        failed(reason);
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the connection", e);
        }
        connection = null;
        connectionFormat = null;
    }

    private void failed(String reason) {
        lastError = reason;
        retryAfterNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_MS);
        LOG.warning("flowscope: " + reason);
    }

    /** Stops at once; frames still queued are counted as undelivered. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        WireConnection open = connection;
        if (open != null) {
            try {
                // Unblocks a sender thread stuck in a write to a stalled service.
                open.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the connection", e);
            }
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
