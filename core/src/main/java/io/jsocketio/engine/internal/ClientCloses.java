package io.jsocketio.engine.internal;

import io.jsocketio.engine.Scheduler;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The polling sessions whose clients just closed them with a close packet while no GET was parked,
 * so that a GET the client sent together with that close is answered as the Node server answers it.
 * Node's single event loop takes the two requests in arrival order: the GET, sent first, is parked
 * before the close is applied and gets the noop {@code 6}. Here the two run on two container
 * threads and the POST may be applied first (a container may even start parsing the GET after the
 * POST is done), so no arrival time tells the order.
 *
 * <p>Causality does: a GET that is a reaction to the close (the client saw its POST answered and
 * polls again) is sent after the POST's {@code ok}. So the {@code ok} of the POST that carried the
 * close is held until the first GET for that session arrives or {@link #GRACE} passes, whichever
 * comes first; that GET gets the noop, and every GET after the {@code ok} gets 400 as from Node.
 * Only the closing client's own POST waits, by at most {@link #GRACE}; clients do not wait for it.
 *
 * <p>Memory: one small entry per client close, for at most {@link #GRACE}.
 *
 * <p>Thread-safety: safe for concurrent use; entries change under their own monitor, and answers
 * are written outside it.
 */
final class ClientCloses {
    /**
     * How long a close waits for the GET sent with it: far longer than two requests sent together.
     */
    static final Duration GRACE = Duration.ofMillis(250);

    private final ConcurrentHashMap<String, Close> recent = new ConcurrentHashMap<>();
    private final Scheduler scheduler;

    ClientCloses(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * The client of session {@code sid} closed it over polling with no GET parked. Call before the
     * session leaves the registry, so that a GET looking it up finds the one or the other.
     */
    void remember(String sid, ProtocolRevision protocol) {
        Close close = new Close(protocol);
        recent.put(sid, close);
        scheduler.schedule(GRACE, () -> end(sid, close));
    }

    /**
     * Sends {@code ok}, the answer of the POST that carried the client's close, once the racing GET
     * came or the grace ended; at once when there is nothing to wait for.
     */
    void answerPost(String sid, Runnable ok) {
        Close close = recent.get(sid);
        if (close == null || !close.hold(ok)) {
            ok.run();
        }
    }

    /**
     * A GET for session {@code sid}, which is not registered any more: when its client's close is
     * still within its grace, this GET raced it and is owed the noop. Returns the session's
     * protocol to encode the noop with, or null when the GET is to be refused as for an unknown
     * session. The caller answers the GET, then runs {@link Claim#release()} so that the POST's
     * {@code ok} goes out after it.
     */
    @Nullable Claim takeRacingGet(String sid) {
        Close close = recent.remove(sid);
        return close == null ? null : new Claim(close);
    }

    /** Ends every grace at once, sending the held answers (the engine closes). */
    void clear() {
        recent.forEach((sid, close) -> end(sid, close));
    }

    private void end(String sid, Close close) {
        if (recent.remove(sid, close)) {
            close.release();
        }
    }

    /** The noop a racing GET is owed, and the POST answer to send after it. */
    static final class Claim {
        private final Close close;

        private Claim(Close close) {
            this.close = close;
        }

        /** The protocol of the closed session, to encode the noop with. */
        ProtocolRevision protocol() {
            return close.protocol;
        }

        /** Sends the held POST answer, if any (call after the GET was answered). */
        void release() {
            close.release();
        }
    }

    private static final class Close {
        final ProtocolRevision protocol;
        private @Nullable Runnable heldOk; // guarded by this
        private boolean released; // guarded by this

        Close(ProtocolRevision protocol) {
            this.protocol = protocol;
        }

        /** Holds the POST's answer; false when the grace already ended (send it now). */
        synchronized boolean hold(Runnable ok) {
            if (released) {
                return false;
            }
            heldOk = ok;
            return true;
        }

        void release() {
            Runnable ok;
            synchronized (this) {
                released = true;
                ok = heldOk;
                heldOk = null;
            }
            if (ok != null) {
                ok.run();
            }
        }
    }
}
