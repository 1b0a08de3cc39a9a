package io.jsocketio.engine.internal;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.Scheduler.Cancellable;
import io.jsocketio.engine.parser.Packet;
import io.jsocketio.engine.parser.PacketType;
import org.jspecify.annotations.Nullable;

/**
 * The server-initiated heartbeat of one session (protocol revision 4): a ping {@code 2} every
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

    Heartbeat(EngineSession session, Scheduler scheduler, EngineOptions options) {
        this.session = session;
        this.scheduler = scheduler;
        this.options = options;
    }

    /** Starts the first interval (with the open packet). */
    void startLocked() {
        intervalTimer = scheduler.schedule(options.pingInterval(), this::onInterval);
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
            timeoutTimer = scheduler.schedule(options.pingTimeout(), this::onTimeout);
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
                timeoutTimer = scheduler.schedule(options.pingTimeout(), this::onTimeout);
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
