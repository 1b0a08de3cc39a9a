package io.jsocketio.engine.internal;

import io.jsocketio.engine.AllowRequest;
import io.jsocketio.engine.CloseReason;
import io.jsocketio.engine.ConnectionError;
import io.jsocketio.engine.CookieOptions;
import io.jsocketio.engine.EngineError;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.EngineSocket;
import io.jsocketio.engine.HeadersListener;
import io.jsocketio.engine.IdGenerator;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.engine.Scheduler;
import io.jsocketio.engine.TransportType;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.engine.WebSocketPeer;
import io.jsocketio.engine.parser.Packet;
import io.jsocketio.engine.parser.PacketType;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The engine: the session registry, request verification with Node's answers, handshakes, and the
 * entry points of the transports. Thread-safety: safe for concurrent use; see {@link EngineServer}.
 *
 * <p>Verification order, as Node (after the CORS/origin step that Node's {@code cors} middleware
 * takes first): transport unknown or disabled (code 0); invalid {@code Origin} characters (3); a
 * {@code sid} unknown (1) or whose session is on another transport (3); a handshake by another
 * method than GET (2); {@code allowRequest} (403, code 4); then the protocol version (5). A request
 * of a closed engine is answered 503 (a WebSocket is closed with 1001).
 */
public final class DefaultEngineServer implements EngineServer {
    private static final System.Logger LOG = System.getLogger(DefaultEngineServer.class.getName());
    private static final byte[] EMPTY = new byte[0];

    /**
     * How long a revision-3 session opened over WebSocket holds its first frame after the 101.
     * Node's engine.io writes its open packet a fraction of a millisecond after the 101 (the
     * handshake's own work lies between), so a client that starts listening for messages only once
     * it has seen {@code open}, as the official v3 suite does, gets it in a later read; here the
     * two would often arrive in one read and {@code ws} would emit the message before that listener
     * exists. Revision 4 clients read the open packet as a message; its suite listens at once.
     */
    static final Duration V3_FIRST_FRAME_GAP = Duration.ofMillis(1);

    private final EngineOptions options;
    private final Scheduler scheduler;
    private final boolean ownsScheduler;
    private final Executor executor;
    private final LaneExecutors.@Nullable Lease lanes; // held while open, unless configured
    private final Cors cors;
    private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final List<Consumer<EngineSocket>> connectionListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ConnectionError>> errorListeners = new CopyOnWriteArrayList<>();
    private final ResponseHeaders responseHeaders = new ResponseHeaders();
    private final SerialLane errorLane;
    private final ClientCloses clientCloses;
    private volatile IdGenerator idGenerator = Base64IdGenerator.INSTANCE;
    private volatile boolean closed;

    /** An engine with these options; see {@link EngineServer#create}. */
    public DefaultEngineServer(EngineOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        Scheduler given = options.scheduler();
        this.scheduler = given != null ? given : new DefaultScheduler();
        this.ownsScheduler = given == null;
        Executor ex = options.executor();
        this.lanes = ex != null ? null : LaneExecutors.acquire();
        this.executor = lanes != null ? lanes.executor() : ex;
        this.cors = new Cors(options.cors(), options.originPolicy());
        this.errorLane = new SerialLane(executor, "connection_error");
        this.clientCloses = new ClientCloses(scheduler);
    }

    @Override
    public EngineOptions options() {
        return options;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    ClientCloses clientCloses() {
        return clientCloses;
    }

    // ---- polling ---------------------------------------------------------------------------

    @Override
    public void handleRequest(PollingExchange exchange) {
        EngineRequest req = exchange.request();
        if (closed) {
            exchange.respond(503, Map.of("Content-Type", "text/plain"), EMPTY);
            return;
        }
        boolean preflight = "OPTIONS".equals(req.method()) && cors.enabled();
        if (!cors.allows(req)) {
            refuse(exchange, Map.of(), EngineError.FORBIDDEN, EngineError.FORBIDDEN.message());
            return;
        }
        if (preflight) {
            exchange.respond(204, cors.preflightHeaders(req), EMPTY);
            return;
        }
        Map<String, String> corsHeaders = cors.headers(req);
        Optional<TransportType> transport = transport(req);
        if (transport.isEmpty()) {
            refuse(exchange, corsHeaders, EngineError.UNKNOWN_TRANSPORT, null);
            return;
        }
        if (Cors.hasInvalidOrigin(req)) {
            refuse(exchange, corsHeaders, EngineError.BAD_REQUEST, null);
            return;
        }
        String sid = sid(req);
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session == null) {
                if (!answerRacingGet(exchange, sid, corsHeaders)) {
                    refuse(exchange, corsHeaders, EngineError.UNKNOWN_SID, null);
                }
                return;
            }
            PollingTransport polling = session.currentPolling();
            if (transport.get() != TransportType.POLLING || polling == null) {
                refuse(exchange, corsHeaders, EngineError.BAD_REQUEST, null);
                return;
            }
            Map<String, String> headers = PollingResponses.baseHeaders(req, corsHeaders);
            responseHeaders.apply(headers, req, false);
            switch (req.method()) {
                case "GET" -> polling.onGet(exchange, headers, corsHeaders);
                case "POST" -> polling.onPost(exchange, headers, corsHeaders);
                default -> refuse(exchange, corsHeaders, EngineError.BAD_REQUEST, null);
            }
            return;
        }
        if (!"GET".equals(req.method())) {
            refuse(exchange, corsHeaders, EngineError.BAD_HANDSHAKE_METHOD, null);
            return;
        }
        if (transport.get() != TransportType.POLLING) {
            refuse(exchange, corsHeaders, EngineError.BAD_REQUEST, null);
            return;
        }
        checkAllowRequest(
                req,
                () -> handshakeOverPolling(exchange, corsHeaders),
                message -> refuse(exchange, corsHeaders, EngineError.FORBIDDEN, message));
    }

    /**
     * Answers a GET sent together with its client's close with the noop it would have got had it
     * been parked first (see {@link ClientCloses}); false when it is not such a GET.
     */
    boolean answerRacingGet(PollingExchange exchange, String sid, Map<String, String> cors) {
        EngineRequest req = exchange.request();
        if (!"GET".equals(req.method())) {
            return false;
        }
        ClientCloses.Claim claim = clientCloses.takeRacingGet(sid);
        if (claim == null) {
            return false;
        }
        Map<String, String> headers = PollingResponses.baseHeaders(req, cors);
        responseHeaders.apply(headers, req, false);
        PollingResponses.payload(
                exchange,
                headers,
                claim.protocol().encodePollingBody(List.of(Packet.of(PacketType.NOOP)), req),
                options.httpCompressionThreshold());
        claim.release();
        return true;
    }

    private void handshakeOverPolling(PollingExchange exchange, Map<String, String> corsHeaders) {
        EngineRequest req = exchange.request();
        ProtocolRevision protocol = protocol(req);
        if (protocol == null) {
            refuse(exchange, corsHeaders, EngineError.UNSUPPORTED_PROTOCOL_VERSION, null);
            return;
        }
        EngineSession session =
                register(req, protocol, null, e -> refuse(exchange, corsHeaders, e, null));
        if (session == null) {
            return;
        }
        PollingTransport polling = new PollingTransport(session);
        List<Packet> first = session.openOverPolling(polling, upgradesFromPolling());
        if (first == null) {
            exchange.respond(503, Map.of("Content-Type", "text/plain"), EMPTY);
            return;
        }
        announce(session);
        Map<String, String> headers = PollingResponses.baseHeaders(req, corsHeaders);
        CookieOptions cookie = options.cookie();
        if (cookie != null) {
            headers.put("Set-Cookie", cookie.headerValue(session.id()));
        }
        responseHeaders.apply(headers, req, true);
        PollingResponses.payload(
                exchange,
                headers,
                protocol.encodePollingBody(first, req),
                options.httpCompressionThreshold());
    }

    private List<String> upgradesFromPolling() {
        return options.allowUpgrades() && options.transports().contains(TransportType.WEBSOCKET)
                ? List.of(TransportType.WEBSOCKET.wireName())
                : List.of();
    }

    // ---- WebSocket -------------------------------------------------------------------------

    @Override
    public @Nullable String prepareWebSocket(EngineRequest request, Map<String, String> headers) {
        Objects.requireNonNull(headers, "headers");
        boolean initial = sid(request) == null;
        String reserved = null;
        if (initial) {
            reserved = reserveId(request);
            CookieOptions cookie = options.cookie();
            if (cookie != null && reserved != null) {
                headers.put("Set-Cookie", cookie.headerValue(reserved));
            }
        }
        responseHeaders.apply(headers, request, initial);
        return reserved;
    }

    @Override
    public void onInitialHeaders(HeadersListener listener) {
        responseHeaders.onInitialHeaders(listener);
    }

    @Override
    public void onHeaders(HeadersListener listener) {
        responseHeaders.onHeaders(listener);
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer) {
        return handleWebSocket(peer, null);
    }

    @Override
    public WebSocketHandler handleWebSocket(WebSocketPeer peer, @Nullable String reservedId) {
        EngineRequest req = peer.request();
        if (closed) {
            peer.close(1001, "server closed");
            return IgnoringHandler.INSTANCE;
        }
        if (!cors.allows(req)) {
            return refuse(peer, EngineError.FORBIDDEN, EngineError.FORBIDDEN.message());
        }
        Optional<TransportType> transport = transport(req);
        if (transport.isEmpty()) {
            return refuse(peer, EngineError.UNKNOWN_TRANSPORT, null);
        }
        if (transport.get() != TransportType.WEBSOCKET || Cors.hasInvalidOrigin(req)) {
            return refuse(peer, EngineError.BAD_REQUEST, null);
        }
        String sid = sid(req);
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session == null) {
                return refuse(peer, EngineError.UNKNOWN_SID, null);
            }
            WebSocketTransport candidate = new WebSocketTransport(session, peer);
            if (!options.allowUpgrades() || !session.beginUpgrade(candidate)) {
                // Node closes such a WebSocket without a connection_error
                LOG.log(Level.DEBUG, () -> sid + ": WebSocket refused: upgraded or upgrading");
                peer.close(1008, EngineError.BAD_REQUEST.message());
                return IgnoringHandler.INSTANCE;
            }
            return candidate;
        }
        DeferredHandler deferred = new DeferredHandler();
        checkAllowRequest(
                req,
                () -> deferred.complete(handshakeOverWebSocket(peer, reservedId)),
                message -> deferred.complete(refuse(peer, EngineError.FORBIDDEN, message)));
        return deferred.resolved();
    }

    private WebSocketHandler handshakeOverWebSocket(
            WebSocketPeer peer, @Nullable String reservedId) {
        EngineRequest req = peer.request();
        ProtocolRevision protocol = protocol(req);
        if (protocol == null) {
            return refuse(peer, EngineError.UNSUPPORTED_PROTOCOL_VERSION, null);
        }
        WebSocketHandler[] refused = new WebSocketHandler[1];
        EngineSession session =
                register(req, protocol, reservedId, e -> refused[0] = refuse(peer, e, null));
        if (session == null) {
            return refused[0];
        }
        WebSocketTransport ws = new WebSocketTransport(session, peer);
        if (protocol.version() == 3) {
            ws.holdFirstFrame(scheduler, V3_FIRST_FRAME_GAP);
        }
        if (!session.openOverWebSocket(ws)) {
            peer.close(1001, "server closed");
            return IgnoringHandler.INSTANCE;
        }
        announce(session);
        ws.pump();
        return ws;
    }

    // ---- shared steps ----------------------------------------------------------------------

    private Optional<TransportType> transport(EngineRequest req) {
        return req.query("transport")
                .flatMap(TransportType::fromWireName)
                .filter(options.transports()::contains);
    }

    private static @Nullable String sid(EngineRequest req) {
        return req.query("sid").filter(s -> !s.isEmpty()).orElse(null);
    }

    /** The protocol revision asked for by {@code EIO}, or null when it is not served. */
    private @Nullable ProtocolRevision protocol(EngineRequest req) {
        String eio = req.query("EIO").orElse("");
        if (eio.equals("4")) {
            return ProtocolV4.INSTANCE;
        }
        if (eio.equals("3") && options.allowEIO3()) {
            return ProtocolV3.forHandshake(req);
        }
        // unlike Node, a missing EIO is refused even with allowEIO3 (Node assumes 3)
        return null;
    }

    private void checkAllowRequest(EngineRequest req, Runnable allowed, Consumer<String> denied) {
        AllowRequest hook = options.allowRequest();
        if (hook == null) {
            allowed.run();
            return;
        }
        AtomicBoolean answered = new AtomicBoolean();
        AllowRequest.Verdict verdict =
                new AllowRequest.Verdict() {
                    @Override
                    public void allow() {
                        if (answered.compareAndSet(false, true)) {
                            allowed.run();
                        }
                    }

                    @Override
                    public void deny(@Nullable String message) {
                        if (answered.compareAndSet(false, true)) {
                            denied.accept(
                                    message != null && !message.isEmpty()
                                            ? message
                                            : EngineError.FORBIDDEN.message());
                        }
                    }
                };
        try {
            hook.check(req, verdict);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "allowRequest failed; the request is refused", e);
            verdict.deny(null);
        }
    }

    /** A new session id from {@code generateId}, or null (logged) when it gave none. */
    private @Nullable String reserveId(EngineRequest req) {
        String id;
        try {
            id = idGenerator.generateId(req);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "generateId failed; the handshake is refused", e);
            return null;
        }
        if (id == null || id.isEmpty()) {
            LOG.log(Level.WARNING, "generateId returned no id; the handshake is refused");
            return null;
        }
        return id;
    }

    /**
     * Makes and registers a session (with the id reserved for it, else a new one), or reports why
     * not (code 3) and returns null.
     */
    private @Nullable EngineSession register(
            EngineRequest req,
            ProtocolRevision protocol,
            @Nullable String reservedId,
            Consumer<EngineError> refuse) {
        String id = reservedId != null ? reservedId : reserveId(req);
        if (id == null) {
            refuse.accept(EngineError.BAD_REQUEST);
            return null;
        }
        EngineSession session = new EngineSession(this, id, req, protocol, executor);
        if (sessions.putIfAbsent(id, session) != null) {
            LOG.log(Level.WARNING, () -> "generateId returned an id in use: " + id);
            refuse.accept(EngineError.BAD_REQUEST);
            return null;
        }
        if (closed) {
            sessions.remove(id, session);
            refuse.accept(EngineError.BAD_REQUEST);
            return null;
        }
        LOG.log(Level.DEBUG, () -> id + ": handshake (" + req.url() + ")");
        return session;
    }

    private void announce(EngineSession session) {
        session.runOnLane(
                () -> {
                    for (Consumer<EngineSocket> l : connectionListeners) {
                        try {
                            l.accept(session);
                        } catch (RuntimeException e) {
                            LOG.log(
                                    Level.WARNING,
                                    () -> session.id() + ": a connection listener failed",
                                    e);
                        }
                    }
                });
    }

    private void refuse(
            PollingExchange exchange,
            Map<String, String> corsHeaders,
            EngineError error,
            @Nullable String message) {
        String text = message != null ? message : error.message();
        LOG.log(
                Level.DEBUG,
                () ->
                        "refused "
                                + exchange.request().method()
                                + " "
                                + exchange.request().url()
                                + ": "
                                + text);
        PollingResponses.error(exchange, corsHeaders, error, text);
        reportError(exchange.request(), error, text);
    }

    private WebSocketHandler refuse(
            WebSocketPeer peer, EngineError error, @Nullable String message) {
        String text = message != null ? message : error.message();
        LOG.log(Level.DEBUG, () -> "refused WebSocket " + peer.request().url() + ": " + text);
        peer.close(1008, truncate(text));
        reportError(peer.request(), error, text);
        return IgnoringHandler.INSTANCE;
    }

    /** A close reason fits in 123 UTF-8 bytes. */
    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= 123 ? reason : reason.substring(0, Math.min(reason.length(), 40));
    }

    private void reportError(EngineRequest req, EngineError error, String message) {
        if (errorListeners.isEmpty()) {
            return;
        }
        ConnectionError event = new ConnectionError(req, error, message);
        errorLane.execute(
                () -> {
                    for (Consumer<ConnectionError> l : errorListeners) {
                        try {
                            l.accept(event);
                        } catch (RuntimeException e) {
                            LOG.log(Level.WARNING, "a connection_error listener failed", e);
                        }
                    }
                });
    }

    void remove(EngineSession session) {
        sessions.remove(session.id(), session);
    }

    // ---- listeners and registry ------------------------------------------------------------

    @Override
    public void onConnection(Consumer<EngineSocket> listener) {
        connectionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void onConnectionError(Consumer<ConnectionError> listener) {
        errorListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void generateId(IdGenerator generator) {
        this.idGenerator = Objects.requireNonNull(generator, "generator");
    }

    @Override
    public Collection<EngineSocket> clients() {
        return List.copyOf(sessions.values());
    }

    @Override
    public Optional<EngineSocket> client(String sid) {
        return Optional.ofNullable(sessions.get(sid));
    }

    @Override
    public int clientsCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.log(Level.DEBUG, () -> "closing the engine: " + sessions.size() + " sessions");
        for (EngineSession session : sessions.values()) {
            session.terminate(CloseReason.SERVER_SHUTTING_DOWN, null);
        }
        clientCloses.clear();
        if (ownsScheduler) {
            scheduler.close();
        }
        if (lanes != null) {
            lanes.close();
        }
    }
}
