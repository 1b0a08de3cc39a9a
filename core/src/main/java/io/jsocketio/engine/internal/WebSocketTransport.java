package io.jsocketio.engine.internal;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.WebSocketFrame;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import io.jsocketio.engine.parser.Packet;
import io.jsocketio.engine.parser.PacketFormatException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket of a session: its current transport, or the candidate of an upgrade. Inbound frames
 * are size-checked and decoded on the container thread and handed to the session; outbound packets
 * queue in the session (the one owner of their order) and are written in batches: everything queued
 * when the previous batch completed goes to the peer in one {@link WebSocketPeer#send} (at most one
 * batch in flight, as Tomcat requires).
 *
 * <p>Thread-safety: safe for concurrent use. Its mutable fields are guarded by the session's lock;
 * the write loop is serialized by a work counter so that a peer completing sends synchronously
 * cannot recurse.
 */
final class WebSocketTransport implements WebSocketHandler {
    private static final System.Logger LOG = System.getLogger(WebSocketTransport.class.getName());

    private final EngineSession session;
    private final WebSocketPeer peer;
    private final long maxMessageSize;
    private final boolean clientSupportsBinary;
    private final AtomicInteger wip = new AtomicInteger();
    private final Consumer<Throwable> onSent = this::onSent;
    private final ArrayDeque<Packet> own = new ArrayDeque<>(2); // guarded by session.lock
    private boolean inFlight; // guarded by session.lock
    private boolean peerClosed; // guarded by session.lock
    private boolean held; // guarded by session.lock: the first frame waits (holdFirstFrame)

    WebSocketTransport(EngineSession session, WebSocketPeer peer) {
        this.session = session;
        this.peer = peer;
        this.maxMessageSize = session.options().maxHttpBufferSize();
        this.clientSupportsBinary = ProtocolV3.supportsBinary(peer.request());
    }

    // ---- inbound ---------------------------------------------------------------------------

    @Override
    public void onText(String text) {
        if (utf8Length(text, maxMessageSize) > maxMessageSize) {
            tooLarge();
            return;
        }
        Packet packet;
        try {
            packet = session.protocolRevision().decodeText(text);
        } catch (PacketFormatException e) {
            LOG.log(Level.DEBUG, () -> session.id() + ": bad frame: " + e.getMessage());
            session.onWebSocketFailure(this, CloseReason.PARSE_ERROR, e.getMessage(), 1002);
            return;
        }
        session.onWebSocketPacket(this, packet);
    }

    @Override
    public void onBinary(byte[] data) {
        if (data.length > maxMessageSize) {
            tooLarge();
            return;
        }
        Packet packet;
        try {
            packet = session.protocolRevision().decodeBinary(data);
        } catch (PacketFormatException e) {
            session.onWebSocketFailure(this, CloseReason.PARSE_ERROR, e.getMessage(), 1002);
            return;
        }
        session.onWebSocketPacket(this, packet);
    }

    private void tooLarge() {
        LOG.log(Level.DEBUG, () -> session.id() + ": WebSocket message over maxHttpBufferSize");
        session.onWebSocketFailure(this, CloseReason.TRANSPORT_ERROR, "message too big", 1009);
    }

    @Override
    public void onClose(int code, String reason) {
        synchronized (session.lock) {
            peerClosed = true;
        }
        session.onWebSocketFailure(this, CloseReason.TRANSPORT_CLOSE, "transport close", 1000);
    }

    @Override
    public void onError(Throwable error) {
        LOG.log(Level.DEBUG, () -> session.id() + ": WebSocket error: " + error);
        session.onWebSocketFailure(this, CloseReason.TRANSPORT_ERROR, String.valueOf(error), 1011);
    }

    /** The UTF-8 length of {@code s}, counting no further than just past {@code limit}. */
    static long utf8Length(String s, long limit) {
        int n = s.length();
        if ((long) n * 3 <= limit) {
            return n; // cannot exceed the limit; the exact value does not matter
        }
        long bytes = 0;
        for (int i = 0; i < n && bytes <= limit; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    // ---- outbound --------------------------------------------------------------------------

    /** Whether a frame written now would go out at once: none in flight, the peer still open. */
    boolean isWritableLocked() {
        return !inFlight && !peerClosed;
    }

    /** Queues a packet of this WebSocket alone (the {@code 3probe} of an upgrade). */
    void queueOwnLocked(Packet packet) {
        own.add(packet);
    }

    /**
     * Holds this WebSocket's writes for {@code gap}, then writes what queued meanwhile. A new
     * session's first frame then never follows the 101 answer in the same read of the client.
     */
    void holdFirstFrame(Scheduler scheduler, Duration gap) {
        synchronized (session.lock) {
            held = true;
        }
        scheduler.schedule(
                gap,
                () -> {
                    synchronized (session.lock) {
                        held = false;
                    }
                    pump();
                });
    }

    /**
     * Writes what is queued if no batch is in flight: first this WebSocket's own packets, then,
     * when it is the session's current transport, everything in the session's queue, as one batch
     * (the peer writes a batch in as few writes as it can). When the session is closing and
     * everything went out, closes the WebSocket and ends the session.
     */
    void pump() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            step();
        } while (wip.decrementAndGet() != 0);
    }

    private void step() {
        List<Packet> batch;
        boolean finishClose = false;
        synchronized (session.lock) {
            SessionState state = session.stateLocked();
            if (inFlight || held || peerClosed || state == SessionState.CLOSED) {
                return;
            }
            boolean current = session.isCurrentLocked(this);
            if (own.isEmpty() && !(current && session.hasOutboundLocked())) {
                if (current && state == SessionState.CLOSING) {
                    finishClose = true;
                } else {
                    return;
                }
                batch = List.of();
            } else {
                batch = new ArrayList<>(own);
                own.clear();
                if (current) {
                    session.drainLocked(batch);
                }
                inFlight = true;
            }
        }
        if (finishClose) {
            session.finishClose();
            return;
        }
        write(batch);
    }

    private void write(List<Packet> packets) {
        ProtocolRevision protocol = session.protocolRevision();
        List<WebSocketFrame> frames;
        try {
            frames = new ArrayList<>(packets.size());
            for (Packet packet : packets) {
                LOG.log(Level.TRACE, () -> session.id() + ": sending " + packet);
                frames.add(
                        protocol.isBinaryFrame(packet, clientSupportsBinary)
                                ? WebSocketFrame.binary(protocol.encodeBinary(packet))
                                : WebSocketFrame.text(protocol.encodeText(packet)));
            }
            peer.send(frames, onSent);
        } catch (RuntimeException e) {
            onSent(e);
        }
    }

    private void onSent(@Nullable Throwable error) {
        synchronized (session.lock) {
            inFlight = false;
        }
        if (error != null) {
            session.onWebSocketFailure(
                    this, CloseReason.TRANSPORT_ERROR, "write error: " + error, 1011);
            return;
        }
        pump();
    }

    /** Closes the WebSocket (idempotent on the peer's side). */
    void closePeer(int code, String reason) {
        synchronized (session.lock) {
            if (peerClosed) {
                return;
            }
            peerClosed = true;
        }
        try {
            peer.close(code, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> session.id() + ": closing the WebSocket failed: " + e);
        }
    }
}
