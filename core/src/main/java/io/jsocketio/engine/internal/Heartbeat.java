package io.jsocketio.engine.internal;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.Scheduler.Cancellable;
import io.jsocketio.engine.parser.Packet;
import io.jsocketio.engine.parser.PacketType;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The heartbeat of one session. Revision 3: the client pings, see {@link
 * #startClientDrivenLocked()}. Revision 4, the server-initiated heartbeat: a ping {@code 2} every
 * {@code pingInterval}, counted from the open packet and then from each pong; no pong within {@code
 * pingTimeout} closes the session with {@code ping timeout}. As in Node, a client that sent any
 * packet since the ping gets one more {@code pingTimeout} for its pong (Node compares timestamps;
 * this checks a flag, which is at most one timeout more lenient and needs no clock).
 *
 * <p>Thread-safety: its fields are guarded by the session's lock; timer callbacks run on the
 * scheduler's thread.
 */
final class Heartbeat {
    private static final Packet PING = Packet.of(PacketType.PING);

    private final EngineSession session;
    private final Scheduler scheduler;
    private final EngineOptions options;
    private @Nullable Cancellable intervalTimer; // guarded by session.lock
    private @Nullable Cancellable timeoutTimer; // guarded by session.lock
    private boolean packetSincePing; // guarded by session.lock
    private long deadline; // guarded by session.lock: System.nanoTime() when timeoutTimer is due

    Heartbeat(EngineSession session, Scheduler scheduler, EngineOptions options) {
        this.session = session;
        this.scheduler = scheduler;
        this.options = options;
    }

    /** Starts the first interval (with the open packet). */
    void startLocked() {
        intervalTimer = scheduler.schedule(options.pingInterval(), this::onInterval);
    }

    /**
     * Starts the client-driven heartbeat of revision 3 (with the open packet): the session times
     * out after {@code pingInterval + pingTimeout} without a ping. As with revision 4, a client
     * that sent any other packet meanwhile gets one more such period.
     */
    void startClientDrivenLocked() {
        packetSincePing = false;
        cancel(timeoutTimer);
        timeoutTimer = armTimeout(clientTimeout(), this::onClientTimeout);
    }

    /** A ping arrived from a revision 3 client: the timeout starts over. */
    void onClientPingLocked() {
        startClientDrivenLocked();
    }

    private Duration clientTimeout() {
        return options.pingInterval().plus(options.pingTimeout());
    }

    private void onClientTimeout() {
        synchronized (session.lock) {
            if (!session.stateLocked().isOpen()) {
                return;
            }
            if (packetSincePing) {
                packetSincePing = false;
                timeoutTimer = armTimeout(clientTimeout(), this::onClientTimeout);
                return;
            }
            timeoutTimer = null;
        }
        session.terminate(CloseReason.PING_TIMEOUT, null);
    }

    private Cancellable armTimeout(Duration timeout, Runnable onTimeout) {
        deadline = scheduler.nanoTime() + timeout.toNanos();
        return scheduler.schedule(timeout, onTimeout);
    }

    /**
     * Whether the timeout is due (no pong, no other packet) though its timer has not run yet: a
     * request that arrives now must find the session timed out, as in Node, whose event loop runs
     * due timers before it reads. A busy machine can run a timer late; the session's end does not
     * wait for it.
     */
    boolean overdueLocked() {
        long now = scheduler.nanoTime();
        return timeoutTimer != null && !packetSincePing && now - deadline >= 0;
    }

    /** A packet of any kind arrived from the client. */
    void onPacketLocked() {
        packetSincePing = true;
    }

    /** A pong arrived: the timeout ends, the next interval starts now. */
    void onPongLocked() {
        cancel(timeoutTimer);
        timeoutTimer = null;
        cancel(intervalTimer);
        intervalTimer = scheduler.schedule(options.pingInterval(), this::onInterval);
    }

    /** Stops both timers. */
    void cancelLocked() {
        cancel(intervalTimer);
        intervalTimer = null;
        cancel(timeoutTimer);
        timeoutTimer = null;
    }

    private void onInterval() {
        synchronized (session.lock) {
            if (!session.stateLocked().isOpen()) {
                return;
            }
            intervalTimer = null;
            session.queueLocked(PING);
            packetSincePing = false;
            timeoutTimer = armTimeout(options.pingTimeout(), this::onTimeout);
        }
        session.flushTransport();
    }

    private void onTimeout() {
        synchronized (session.lock) {
            if (!session.stateLocked().isOpen()) {
                return;
            }
            if (packetSincePing) {
                packetSincePing = false;
                timeoutTimer = armTimeout(options.pingTimeout(), this::onTimeout);
                return;
            }
            timeoutTimer = null;
        }
        session.terminate(CloseReason.PING_TIMEOUT, null);
    }

    static void cancel(@Nullable Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }
}
