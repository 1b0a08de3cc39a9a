package io.jsocketio.engine.internal;

import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.EngineError;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.Scheduler.Cancellable;
import io.jsocketio.engine.TransportType;
import io.jsocketio.engine.parser.Packet;
import io.jsocketio.engine.parser.PacketType;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * One Engine.IO session: its state machine, its outbound buffer, its heartbeat, its current
 * transport (polling or WebSocket) and the upgrade from one to the other.
 *
 * <p>Threading: container threads (requests, frames), the scheduler thread (timers) and any
 * application thread ({@link #send}, {@link #close}) enter here. Every mutable field is guarded by
 * {@link #lock}; the lock is never held while responding to an exchange, writing to a WebSocket, or
 * running a listener. Listeners run on the session's {@link SerialLane}.
 */
final class EngineSession implements EngineSocket {
    private static final System.Logger LOG = System.getLogger(EngineSession.class.getName());
    private static final Duration MAX_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UPGRADE_CHECK = Duration.ofMillis(100);

    /** How a poll still parked when the session ends is answered. */
    enum PollEnd {
        /** What is still queued, then the close packet {@code 1} (the server closes). */
        CLOSE,
        /** A noop {@code 6} (the client closed). */
        NOOP
    }

    /** The one lock of this session, shared with its transports. */
    final Object lock = new Object();

    private final DefaultEngineServer server;
    private final EngineOptions options;
    private final Scheduler scheduler;
    private final String id;
    private final EngineRequest request;
    private final ProtocolRevision protocol;
    private final SerialLane lane;
    private final ConnectionEvents events;
    private final SessionListeners listeners;
    private final Heartbeat heartbeat;

    private SessionState state = SessionState.OPENING; // guarded by lock
    private final OutboundBuffer buffer; // guarded by lock
    private @Nullable PollingTransport polling; // guarded by lock
    private @Nullable WebSocketTransport webSocket; // guarded by lock
    private @Nullable Upgrade upgrade; // guarded by lock
    private @Nullable Cancellable closeTimer; // guarded by lock
    private CloseReason pendingCloseReason = CloseReason.FORCED_CLOSE; // guarded by lock

    EngineSession(
            DefaultEngineServer server,
            String id,
            EngineRequest request,
            ProtocolRevision protocol,
            Executor executor) {
        this.server = server;
        this.options = server.options();
        this.scheduler = server.scheduler();
        this.id = id;
        this.request = request;
        this.protocol = protocol;
        this.lane = new SerialLane(executor, id);
        this.listeners =
                new SessionListeners(
                        lock, id, lane, options.inlineDispatch(), options.maxQueuedInbound());
        this.events = new ConnectionEvents(id, lane);
        this.buffer = new OutboundBuffer(options.maxBufferedOutbound(), events);
        this.heartbeat = new Heartbeat(this, scheduler, options);
    }

    // ---- EngineSocket ----------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public EngineRequest request() {
        return request;
    }

    @Override
    public int protocol() {
        return protocol.version();
    }

    @Override
    public String transport() {
        synchronized (lock) {
            return webSocket != null ? "websocket" : "polling";
        }
    }

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return state.isOpen();
        }
    }

    /**
     * As Node's {@code transport.writable}: over polling, a GET is parked; over WebSocket, no frame
     * is being sent. False when the session is not open.
     */
    @Override
    public boolean isWritable() {
        PollingTransport p;
        WebSocketTransport ws;
        synchronized (lock) {
            if (!state.isOpen()) {
                return false;
            }
            ws = webSocket;
            p = polling;
            if (ws != null) {
                return ws.isWritableLocked();
            }
            return p != null && p.isWritableLocked();
        }
    }

    @Override
    public Executor lane() {
        return lane;
    }

    @Override
    public void send(EngineMessage message) {
        Packet packet = Packet.message(Objects.requireNonNull(message, "message"));
        boolean overflow;
        synchronized (lock) {
            if (!state.isOpen()) {
                LOG.log(Level.DEBUG, () -> id + ": " + state + ", message dropped");
                return;
            }
            overflow = !buffer.offer(packet);
        }
        afterQueued(overflow);
    }

    @Override
    public void send(List<EngineMessage> messages) {
        Objects.requireNonNull(messages, "messages");
        List<Packet> packets = new ArrayList<>(messages.size());
        for (EngineMessage m : messages) {
            packets.add(Packet.message(Objects.requireNonNull(m, "message")));
        }
        boolean overflow;
        synchronized (lock) {
            if (!state.isOpen()) {
                LOG.log(Level.DEBUG, () -> id + ": " + state + ", message dropped");
                return;
            }
            overflow = !buffer.offerAll(packets);
        }
        afterQueued(overflow);
    }

    private void afterQueued(boolean overflow) {
        if (overflow) {
            LOG.log(
                    Level.DEBUG,
                    () -> id + ": over maxBufferedOutbound (the client does not read); closing");
            terminate(CloseReason.TRANSPORT_ERROR, "send buffer full");
            return;
        }
        flushTransport();
    }

    @Override
    public void onMessage(MessageListener listener) {
        listeners.addMessageListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void onClose(CloseListener listener) {
        listeners.addCloseListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void onPacket(PacketListener listener) {
        events.addPacket(listener);
    }

    @Override
    public void onPacketCreate(PacketListener listener) {
        events.addPacketCreate(listener);
    }

    @Override
    public void onUpgrade(UpgradeListener listener) {
        events.addUpgrade(listener);
    }

    @Override
    public void onDrain(Runnable listener) {
        events.addDrain(listener);
    }

    @Override
    public void close() {
        beginClose(CloseReason.FORCED_CLOSE);
    }

    @Override
    public String toString() {
        return "EngineSession[" + id + "]";
    }

    // ---- opening ---------------------------------------------------------------------------

    /**
     * Opens the session over polling: queues the open packet (and the initial packet) and returns
     * them, taken out of the buffer, for the handshake response; null when the session was closed
     * meanwhile (the engine shut down during the handshake).
     */
    @Nullable List<Packet> openOverPolling(PollingTransport transport, List<String> upgrades) {
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                return null;
            }
            polling = transport;
            openLocked(upgrades);
            return buffer.drain();
        }
    }

    /**
     * Opens the session over a WebSocket: the open packet becomes its first frame. False when the
     * session was closed meanwhile.
     */
    boolean openOverWebSocket(WebSocketTransport transport) {
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                return false;
            }
            webSocket = transport;
            openLocked(List.of());
            return true;
        }
    }

    private void openLocked(List<String> upgrades) {
        transitionTo(SessionState.OPEN);
        buffer.offer(Packet.of(PacketType.OPEN, openPayload(upgrades)));
        EngineMessage initial = options.initialPacket();
        if (initial != null) {
            buffer.offer(Packet.message(initial));
        }
        if (protocol.serverPings()) {
            heartbeat.startLocked();
        } else {
            heartbeat.startClientDrivenLocked();
        }
    }

    private String openPayload(List<String> upgrades) {
        StringBuilder sb = new StringBuilder(160).append("{\"sid\":").append(Json.quote(id));
        sb.append(",\"upgrades\":[");
        for (int i = 0; i < upgrades.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(Json.quote(upgrades.get(i)));
        }
        return sb.append("],\"pingInterval\":")
                .append(options.pingInterval().toMillis())
                .append(",\"pingTimeout\":")
                .append(options.pingTimeout().toMillis())
                .append(",\"maxPayload\":")
                .append(options.maxHttpBufferSize())
                .append('}')
                .toString();
    }

    // ---- state helpers for the transports (call with lock held) -----------------------------

    SessionState stateLocked() {
        return state;
    }

    ProtocolRevision protocolRevision() {
        return protocol;
    }

    EngineOptions options() {
        return options;
    }

    /** The polling transport while it is the current one, else null. */
    @Nullable PollingTransport pollingLocked() {
        return webSocket == null ? polling : null;
    }

    /** The polling transport, if it is current. */
    @Nullable PollingTransport currentPolling() {
        synchronized (lock) {
            return pollingLocked();
        }
    }

    boolean isCurrentLocked(WebSocketTransport t) {
        return webSocket == t;
    }

    /** Whether polls are held for the upgrade check: a probe arrived, the upgrade is under way. */
    boolean holdsForUpgradeLocked() {
        return state == SessionState.UPGRADING && upgrade != null && upgrade.isProbed();
    }

    boolean hasOutboundLocked() {
        return !buffer.isEmpty();
    }

    /** Queues a control packet of the engine's own (ping, pong); never refused. */
    void queueLocked(Packet packet) {
        buffer.offer(packet);
    }

    /** Everything queued, taken out of the buffer. */
    List<Packet> drainLocked() {
        return buffer.drain();
    }

    /** Moves everything queued to {@code into}. */
    void drainLocked(List<Packet> into) {
        buffer.drainTo(into);
    }

    /** Runs {@code task} on the lane: here when it is idle and inline dispatch is on. */
    void runOnLane(Runnable task) {
        if (options.inlineDispatch()) {
            lane.runOrExecute(task);
        } else {
            lane.execute(task);
        }
    }

    private void transitionTo(SessionState next) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException(id + ": illegal transition " + state + " -> " + next);
        }
        SessionState previous = state;
        state = next;
        LOG.log(Level.DEBUG, () -> id + ": " + previous + " -> " + next);
    }

    /** Sends what is queued on the current transport, if it can take it now. */
    void flushTransport() {
        WebSocketTransport ws;
        PollingTransport p;
        synchronized (lock) {
            ws = webSocket;
            p = polling;
        }
        if (ws != null) {
            ws.pump();
        } else if (p != null) {
            p.flush();
        }
    }

    // ---- inbound ---------------------------------------------------------------------------

    /** Handles packets that arrived on the current transport, in order. */
    void onPackets(List<Packet> packets, Object source) {
        // a polling POST is answered once its messages ran, which paces the client: never wait
        boolean mayWait = !(source instanceof PollingTransport);
        List<EngineMessage> messages = null;
        boolean answered = false;
        synchronized (lock) {
            if (!state.isOpen()) {
                LOG.log(Level.DEBUG, () -> id + ": " + state + ", inbound packets ignored");
                return;
            }
            heartbeat.onPacketLocked();
        }
        for (Packet p : packets) {
            LOG.log(Level.TRACE, () -> id + ": received " + p);
            events.packet(p);
            switch (p.type()) {
                case MESSAGE -> {
                    if (messages == null) {
                        messages = new ArrayList<>(packets.size());
                    }
                    messages.add(Objects.requireNonNull(p.data()));
                }
                case PONG -> {
                    if (protocol.serverPings()) {
                        onPong();
                    } else {
                        listeners.dispatch(messages, mayWait);
                        terminate(CloseReason.TRANSPORT_ERROR, "invalid heartbeat direction");
                        return;
                    }
                }
                case PING -> {
                    if (protocol.serverPings()) {
                        // revision 4: only the server pings
                        listeners.dispatch(messages, mayWait);
                        terminate(CloseReason.TRANSPORT_ERROR, "invalid heartbeat direction");
                        return;
                    }
                    onClientPing();
                    answered = true;
                }
                case CLOSE -> {
                    listeners.dispatch(messages, mayWait);
                    boolean overPolling = source instanceof PollingTransport;
                    terminate(
                            CloseReason.TRANSPORT_CLOSE,
                            "closed by the client",
                            overPolling ? PollEnd.NOOP : PollEnd.CLOSE,
                            1000,
                            false);
                    return;
                }
                default -> LOG.log(Level.DEBUG, () -> id + ": ignored " + p.type() + " packet");
            }
        }
        listeners.dispatch(messages, mayWait);
        if (answered) {
            flushTransport();
        }
    }

    /** Whether the heartbeat's timeout is due though its timer has not run yet (see Heartbeat). */
    boolean heartbeatOverdueLocked() {
        return heartbeat.overdueLocked();
    }

    /** The engine this session belongs to. */
    DefaultEngineServer server() {
        return server;
    }

    /** Revision 3: a ping from the client is answered with a pong (no data, as Node). */
    private void onClientPing() {
        synchronized (lock) {
            if (state.isOpen()) {
                heartbeat.onClientPingLocked();
                buffer.offer(Packet.of(PacketType.PONG));
            }
        }
    }

    private void onPong() {
        synchronized (lock) {
            if (state.isOpen()) {
                heartbeat.onPongLocked();
            }
        }
    }

    // ---- WebSocket frames (current transport or upgrade candidate) --------------------------

    private enum Role {
        CURRENT,
        CANDIDATE,
        STALE
    }

    private Role roleOf(WebSocketTransport t) {
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                return Role.STALE;
            }
            return t == webSocket
                    ? Role.CURRENT
                    : isCandidateLocked(t) ? Role.CANDIDATE : Role.STALE;
        }
    }

    void onWebSocketPacket(WebSocketTransport t, Packet p) {
        switch (roleOf(t)) {
            case CURRENT -> onPackets(List.of(p), t);
            case CANDIDATE -> onUpgradePacket(t, p);
            case STALE -> LOG.log(Level.DEBUG, () -> id + ": frame on a stale WebSocket ignored");
        }
    }

    /** The WebSocket failed: a bad frame, an oversize message, an I/O error, or it closed. */
    void onWebSocketFailure(
            WebSocketTransport t, CloseReason reason, String description, int closeCode) {
        switch (roleOf(t)) {
            case CURRENT -> terminate(reason, description, PollEnd.CLOSE, closeCode);
            case CANDIDATE -> abandonUpgrade(t, description, closeCode);
            case STALE -> t.closePeer(closeCode, description);
        }
    }

    // ---- upgrade ---------------------------------------------------------------------------

    /**
     * Lets {@code candidate} try to take over from polling. Refused (false) unless the session is
     * open on polling with no other upgrade under way.
     */
    boolean beginUpgrade(WebSocketTransport candidate) {
        synchronized (lock) {
            if (state != SessionState.OPEN || webSocket != null || polling == null) {
                return false;
            }
            transitionTo(SessionState.UPGRADING);
            upgrade =
                    new Upgrade(
                            candidate,
                            scheduler,
                            options.upgradeTimeout(),
                            () -> abandonUpgrade(candidate, "upgrade timeout", 1000));
            return true;
        }
    }

    private void onUpgradePacket(WebSocketTransport t, Packet p) {
        EngineMessage data = p.data();
        if (p.type() == PacketType.PING
                && data != null
                && !data.isBinary()
                && "probe".equals(data.text())) {
            synchronized (lock) {
                if (!isCandidateLocked(t)) {
                    return;
                }
                t.queueOwnLocked(Packet.of(PacketType.PONG, "probe"));
                Objects.requireNonNull(upgrade).probed(UPGRADE_CHECK, () -> upgradeCheck(t));
            }
            t.pump();
        } else if (p.type() == PacketType.UPGRADE) {
            PollingTransport.Poll parked;
            synchronized (lock) {
                if (!isCandidateLocked(t) || state != SessionState.UPGRADING) {
                    return;
                }
                endUpgradeLocked();
                parked = polling != null ? polling.takeParkedLocked() : null;
                polling = null;
                webSocket = t;
                transitionTo(SessionState.OPEN);
            }
            LOG.log(Level.DEBUG, () -> id + ": upgraded to websocket");
            events.upgrade(TransportType.WEBSOCKET.wireName());
            if (parked != null) {
                // a GET still held when the upgrade packet came was sent after it (a client pauses
                // polling before it sends "5"): it gets what any GET after the upgrade gets
                parked.refuse(EngineError.BAD_REQUEST);
            }
            t.pump();
        } else {
            abandonUpgrade(t, "unexpected " + p.type() + " packet during upgrade", 1000);
        }
    }

    private boolean isCandidateLocked(WebSocketTransport t) {
        return upgrade != null && upgrade.candidate == t;
    }

    /** Ends the upgrade under way, if any (both its timers cancelled); returns its candidate. */
    private @Nullable WebSocketTransport endUpgradeLocked() {
        Upgrade u = upgrade;
        upgrade = null;
        return u != null ? u.end() : null;
    }

    /**
     * During an upgrade, after the probe: every {@link #UPGRADE_CHECK} a GET held on the polling
     * transport is answered with a noop, so that the client can pause polling and send the upgrade
     * packet (Node's "check" interval, 100 ms).
     */
    private void upgradeCheck(WebSocketTransport t) {
        PollingTransport.Poll held;
        synchronized (lock) {
            Upgrade u = upgrade;
            if (u == null || u.candidate != t || state != SessionState.UPGRADING || !u.isProbed()) {
                return;
            }
            held = polling != null ? polling.takeParkedLocked() : null;
            u.scheduleCheck(UPGRADE_CHECK, () -> upgradeCheck(t));
        }
        if (held != null) {
            held.answer(List.of(Packet.of(PacketType.NOOP)));
        }
    }

    /** Gives up an upgrade: closes the candidate, the session goes on over polling. */
    private void abandonUpgrade(WebSocketTransport t, String why, int closeCode) {
        synchronized (lock) {
            if (isCandidateLocked(t)) {
                endUpgradeLocked();
                if (state == SessionState.UPGRADING) {
                    transitionTo(SessionState.OPEN);
                }
            }
        }
        LOG.log(Level.DEBUG, () -> id + ": upgrade abandoned: " + why);
        t.closePeer(closeCode, why);
        flushTransport();
    }

    // ---- closing ---------------------------------------------------------------------------

    /**
     * Closes from the server side, gracefully: what is queued is sent, then the close packet
     * (polling) or the WebSocket close; then {@code reason}. Bounded by a close timeout.
     */
    void beginClose(CloseReason reason) {
        WebSocketTransport candidate;
        synchronized (lock) {
            if (!state.isOpen()) {
                return;
            }
            candidate = endUpgradeLocked();
            transitionTo(SessionState.CLOSING);
            pendingCloseReason = reason;
            heartbeat.cancelLocked();
            Duration timeout = options.pingInterval().plus(options.pingTimeout());
            if (timeout.compareTo(MAX_CLOSE_TIMEOUT) > 0) {
                timeout = MAX_CLOSE_TIMEOUT;
            }
            closeTimer = scheduler.schedule(timeout, () -> terminate(reason, "close timeout"));
        }
        if (candidate != null) {
            candidate.closePeer(1000, "session closing");
        }
        flushTransport();
    }

    /** The graceful close is done (the close packet went out, or the WebSocket drained). */
    void finishClose() {
        CloseReason reason;
        synchronized (lock) {
            reason = pendingCloseReason;
        }
        terminate(reason, null, PollEnd.CLOSE, 1000);
    }

    void terminate(CloseReason reason, @Nullable String description) {
        terminate(reason, description, PollEnd.CLOSE, closeCodeFor(reason));
    }

    private static int closeCodeFor(CloseReason reason) {
        return switch (reason) {
            case SERVER_SHUTTING_DOWN -> 1001;
            case PARSE_ERROR -> 1002;
            case TRANSPORT_ERROR -> 1011;
            default -> 1000;
        };
    }

    /**
     * Ends the session now: answers a parked poll ({@code end}), closes the WebSockets with {@code
     * closeCode}, cancels every timer, leaves the registry and tells the close listeners (on the
     * lane). Only the first call has an effect.
     */
    void terminate(CloseReason reason, @Nullable String description, PollEnd end, int closeCode) {
        terminate(reason, description, end, closeCode, true);
    }

    /**
     * As {@link #terminate(CloseReason, String, PollEnd, int)}; {@code discardQueued} false keeps
     * the inbound messages still waiting for the lane (they arrived before the client's own close
     * packet), true drops them.
     */
    private void terminate(
            CloseReason reason,
            @Nullable String description,
            PollEnd end,
            int closeCode,
            boolean discardQueued) {
        PollingTransport.Poll parked = null;
        PollingExchange abandoned = null; // a POST still reading its body: nothing will use it
        List<Packet> leftover = List.of();
        WebSocketTransport ws;
        WebSocketTransport candidate;
        Runnable notifyClose;
        synchronized (lock) {
            if (state == SessionState.CLOSED) {
                return;
            }
            transitionTo(SessionState.CLOSED);
            if (polling != null && webSocket == null) {
                parked = polling.takeParkedLocked();
            }
            if (end == PollEnd.NOOP && parked == null && polling != null && webSocket == null) {
                // the client's close with no GET parked: a GET already on its way is owed the noop
                server.clientCloses().remember(id, protocolRevision());
            }
            server.remove(this); // from now on its sid is unknown
            notifyClose = listeners.closeLocked(reason, description, discardQueued);
            if (parked != null && end == PollEnd.CLOSE) {
                leftover = drainLocked();
            }
            if (polling != null) {
                abandoned = polling.takeReadingLocked();
            }
            buffer.clear();
            ws = webSocket;
            candidate = endUpgradeLocked();
            heartbeat.cancelLocked();
            cancel(closeTimer);
            closeTimer = null;
        }
        LOG.log(
                Level.DEBUG,
                () ->
                        id
                                + ": closed ("
                                + reason.wire()
                                + (description != null ? ": " + description : "")
                                + ")");
        if (parked != null) {
            List<Packet> last = new ArrayList<>(leftover);
            last.add(Packet.of(end == PollEnd.CLOSE ? PacketType.CLOSE : PacketType.NOOP));
            parked.answer(last);
        }
        if (abandoned != null) {
            abandoned.abandonBody();
        }
        if (ws != null) {
            ws.closePeer(closeCode, reason.wire());
        }
        if (candidate != null) {
            candidate.closePeer(closeCode, reason.wire());
        }
        lane.execute(notifyClose);
    }

    private static void cancel(@Nullable Cancellable c) {
        Heartbeat.cancel(c);
    }
}
