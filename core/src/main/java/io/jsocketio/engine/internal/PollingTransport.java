package io.jsocketio.engine.internal;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineError;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.parser.Packet;
import io.jsocketio.engine.parser.PacketFormatException;
import io.jsocketio.engine.parser.PacketType;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The long-polling transport of one session: at most one GET parked waiting for packets, at most
 * one POST being read. Its fields are guarded by the session's lock.
 *
 * <p>Answers (as Node): a GET takes everything queued at once, or parks until something is queued;
 * a POST's {@code ok} goes out once the message listeners have run (on the session's lane); a
 * second GET while one is parked ends the session with {@code transport error} (the parked one gets
 * {@code 1}, the new one 400); an aborted parked GET ends it too. A POST answers {@code ok} after
 * its packets were handed on, 400 and {@code parse error} for an invalid payload, 413 and {@code
 * transport error} beyond {@code maxHttpBufferSize}; two POSTs at once end the session.
 *
 * <p>Thread-safety: safe for concurrent use; entered from container threads and the scheduler.
 */
final class PollingTransport {
    private static final System.Logger LOG = System.getLogger(PollingTransport.class.getName());

    private final EngineSession session;
    private final int compressionThreshold;
    private @Nullable Poll parked; // guarded by session.lock
    private boolean postInFlight; // guarded by session.lock
    private @Nullable PollingExchange reading; // guarded by session.lock: the POST being read

    PollingTransport(EngineSession session) {
        this.session = session;
        this.compressionThreshold = session.options().httpCompressionThreshold();
    }

    /** A GET, with the headers its answer will carry. */
    void onGet(PollingExchange exchange, Map<String, String> headers, Map<String, String> cors) {
        // a GET racing the client's own close finds the session closed: the first one before the
        // close's POST is answered gets the noop (ClientCloses), later ones 400
        Poll poll = new Poll(exchange, headers, cors);
        exchange.onAbort(() -> onAbort(poll));
        List<Packet> out = null;
        boolean overlap = false;
        boolean aborted = false;
        boolean finishClose = false;
        EngineError gone = null;
        boolean timedOut = false;
        synchronized (session.lock) {
            SessionState state = session.stateLocked();
            if (state == SessionState.CLOSED) {
                gone = EngineError.UNKNOWN_SID; // closed since the registry lookup
            } else if (session.heartbeatOverdueLocked()) {
                timedOut = true; // its timer is late: the session ends before this GET is read
                gone = EngineError.UNKNOWN_SID;
            } else if (session.pollingLocked() != this) {
                gone = EngineError.BAD_REQUEST; // upgraded since the registry lookup
            } else if (parked != null) {
                overlap = true;
            } else if (poll.aborted) {
                aborted = true;
            } else if (state == SessionState.CLOSING) {
                out = closingAnswerLocked();
                finishClose = isCloseOnly(out);
            } else if (session.holdsForUpgradeLocked()) {
                parked = poll; // answered by the upgrade check, or refused once upgraded
            } else if (session.hasOutboundLocked()) {
                out = session.drainLocked();
            } else {
                parked = poll;
            }
        }
        if (timedOut) {
            session.terminate(CloseReason.PING_TIMEOUT, null);
        } else if (gone == EngineError.UNKNOWN_SID
                && session.server().answerRacingGet(exchange, session.id(), cors)) {
            return;
        }
        if (gone != null) {
            PollingResponses.error(exchange, cors, gone, gone.message());
        } else if (overlap) {
            session.terminate(CloseReason.TRANSPORT_ERROR, "overlap from client");
            PollingResponses.status(exchange, cors, 400);
        } else if (aborted) {
            session.terminate(CloseReason.TRANSPORT_ERROR, "poll connection closed prematurely");
        } else if (out != null) {
            if (finishClose) {
                session.finishClose();
            }
            poll.answer(out);
        }
    }

    /** The POST's {@code ok}; held a moment when it carried the client's close (ClientCloses). */
    private void answerOk(PollingExchange exchange, Map<String, String> headers) {
        boolean closed;
        synchronized (session.lock) {
            closed = session.stateLocked() == SessionState.CLOSED;
        }
        if (closed) {
            session.server()
                    .clientCloses()
                    .answerPost(session.id(), () -> PollingResponses.ok(exchange, headers));
        } else {
            PollingResponses.ok(exchange, headers);
        }
    }

    private void onAbort(Poll poll) {
        synchronized (session.lock) {
            poll.aborted = true;
            if (parked != poll) {
                return;
            }
            // it stays parked, never answered, until terminate takes it: a GET arriving in
            // between is an overlap (400), not a fresh poll that the close would answer 200
        }
        session.terminate(CloseReason.TRANSPORT_ERROR, "poll connection closed prematurely");
    }

    /** A POST: reads, decodes and hands on its packets, then answers {@code ok}. */
    void onPost(PollingExchange exchange, Map<String, String> headers, Map<String, String> cors) {
        boolean overlap;
        synchronized (session.lock) {
            overlap = postInFlight;
            postInFlight = true;
            if (!overlap) {
                reading = exchange;
            }
        }
        if (overlap) {
            session.terminate(CloseReason.TRANSPORT_ERROR, "data request overlap from client");
            PollingResponses.status(exchange, cors, 400);
            return;
        }
        ProtocolRevision protocol = session.protocolRevision();
        exchange.readBody(
                session.options().maxHttpBufferSize(),
                new PollingExchange.BodyCallback() {
                    @Override
                    public void onBody(byte[] body) {
                        postDone();
                        List<Packet> packets;
                        try {
                            packets = protocol.decodePollingBody(body, exchange.request());
                        } catch (PacketFormatException e) {
                            LOG.log(
                                    Level.DEBUG,
                                    () -> session.id() + ": bad payload: " + e.getMessage());
                            session.onPackets(e.decodedBefore(), PollingTransport.this);
                            session.terminate(CloseReason.PARSE_ERROR, e.getMessage());
                            PollingResponses.status(exchange, cors, 400);
                            return;
                        }
                        session.onPackets(packets, PollingTransport.this);
                        // answered from the lane, after the message listeners saw these packets:
                        // what they send in reply is queued before the client's next GET, as in
                        // Node, where the listeners run before the answer is written
                        session.runOnLane(() -> answerOk(exchange, headers));
                    }

                    @Override
                    public void onTooLarge() {
                        postDone();
                        session.terminate(CloseReason.TRANSPORT_ERROR, "payload too large");
                        PollingResponses.status(exchange, cors, 413);
                    }

                    @Override
                    public void onError(Throwable error) {
                        postDone();
                        session.terminate(
                                CloseReason.TRANSPORT_ERROR,
                                "data request connection closed prematurely");
                        PollingResponses.status(exchange, cors, 400);
                    }
                });
    }

    private void postDone() {
        synchronized (session.lock) {
            postInFlight = false;
            reading = null;
        }
    }

    /**
     * What a poll gets while the session is closing: first what is still queued, alone; the close
     * packet only in a later poll, as Node does. A client that handled both in one payload would
     * see the close before the packets queued ahead of it (socket.io-client 4.x handles decoded
     * packets a tick late), and report {@code transport close} instead of, say, {@code io server
     * disconnect}. Caller holds the session lock.
     */
    private List<Packet> closingAnswerLocked() {
        if (session.hasOutboundLocked()) {
            return session.drainLocked();
        }
        return new ArrayList<>(List.of(Packet.of(PacketType.CLOSE)));
    }

    private static boolean isCloseOnly(List<Packet> out) {
        return out.size() == 1 && out.get(0).type() == PacketType.CLOSE;
    }

    /** Answers a parked GET with what is queued, if both exist and the session allows it. */
    void flush() {
        Poll poll;
        List<Packet> out;
        boolean finishClose = false;
        synchronized (session.lock) {
            if (parked == null || parked.aborted || session.pollingLocked() != this) {
                return;
            }
            SessionState state = session.stateLocked();
            if (state == SessionState.CLOSING) {
                out = closingAnswerLocked();
                finishClose = isCloseOnly(out);
            } else if (state.isOpen()
                    && !session.holdsForUpgradeLocked()
                    && session.hasOutboundLocked()) {
                out = session.drainLocked();
            } else {
                return;
            }
            poll = parked;
            parked = null;
        }
        if (finishClose) {
            session.finishClose();
        }
        poll.answer(out);
    }

    /** Takes the POST whose body is being read, to abandon it: its session ended. */
    @Nullable PollingExchange takeReadingLocked() {
        PollingExchange r = reading;
        reading = null;
        return r;
    }

    /** Whether a GET is parked, ready to carry packets now. */
    boolean isWritableLocked() {
        return parked != null && !parked.aborted;
    }

    /** Takes the parked GET away, to answer it elsewhere; null when none, or its client left. */
    @Nullable Poll takeParkedLocked() {
        Poll p = parked;
        parked = null;
        return p != null && p.aborted ? null : p;
    }

    /** One GET and the headers its answer carries. */
    final class Poll {
        final PollingExchange exchange;
        final Map<String, String> headers;
        final Map<String, String> cors;
        boolean aborted; // guarded by session.lock

        Poll(PollingExchange exchange, Map<String, String> headers, Map<String, String> cors) {
            this.exchange = exchange;
            this.headers = headers;
            this.cors = cors;
        }

        /** Answers with the error a GET in this state gets (e.g. 400 once upgraded). */
        void refuse(EngineError error) {
            LOG.log(Level.TRACE, () -> session.id() + ": poll refused: " + error);
            PollingResponses.error(exchange, cors, error, error.message());
        }

        /** Answers 200 with these packets as one payload. */
        void answer(List<Packet> packets) {
            LOG.log(Level.TRACE, () -> session.id() + ": poll answered with " + packets);
            PollingResponses.payload(
                    exchange,
                    headers,
                    session.protocolRevision().encodePollingBody(packets, exchange.request()),
                    compressionThreshold);
        }
    }
}
