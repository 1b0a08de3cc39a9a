package io.jsocketio.websocket.internal;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.WebSocketHandler;
import io.jsocketio.servlet.internal.RequestSnapshot;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import org.jspecify.annotations.Nullable;

/**
 * The programmatic JSR-356 endpoint of one WebSocket connection: it hands the connection to {@link
 * io.jsocketio.engine.EngineServer#handleWebSocket} on open and feeds the returned handler every
 * whole text and binary message, the close and the errors. The container's message size limits are
 * set to the engine's {@code maxHttpBufferSize}, so a bigger message is refused by the container
 * with close code 1009 before it is buffered whole.
 *
 * <p>Bounded lifetime after a session end: the container's idle timeout is {@code pingInterval +
 * pingTimeout + closeTimeout} (the heartbeat ends a silent session well before), and once the
 * server sent its close frame the connection is dropped {@code closeTimeout} later (30 s by
 * default, as Node's {@code ws}) if the client neither answers nor closes: the peer lowers the idle
 * timeout to it (Jetty) and sets Tomcat's session close timeout.
 *
 * <p>Thread-safety: one instance per connection; JSR-356 calls it one event at a time.
 */
public final class EngineEndpoint extends Endpoint {
    private static final Logger LOG = System.getLogger(EngineEndpoint.class.getName());

    private final EngineMount mount;
    private @Nullable SessionPeer peer;
    private @Nullable WebSocketHandler handler;

    EngineEndpoint(EngineMount mount) {
        this.mount = mount;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Object captured = config.getUserProperties().get(HandshakeRequests.SNAPSHOT);
        if (captured == null) {
            captured = session.getUserProperties().get(HandshakeRequests.SNAPSHOT);
        }
        if (!(captured instanceof RequestSnapshot snapshot)) {
            LOG.log(Level.WARNING, "WebSocket opened without a captured handshake; closing it");
            SessionPeer orphan = new SessionPeer(session, unknownRequest(session), 0);
            orphan.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "");
            return;
        }
        Object address = config.getUserProperties().get(HandshakeRequests.REMOTE_ADDRESS);
        if (address == null) {
            address = session.getUserProperties().get(HandshakeRequests.REMOTE_ADDRESS);
        }
        RequestSnapshot request = HandshakeRequests.withAddress(snapshot, address);

        EngineOptions options = mount.engine().options();
        int limit = (int) Math.min(options.maxHttpBufferSize(), Integer.MAX_VALUE - 8);
        session.setMaxTextMessageBufferSize(limit);
        session.setMaxBinaryMessageBufferSize(limit);
        long sendTimeout = options.pingInterval().plus(options.pingTimeout()).toMillis();
        long closeTimeout = options.closeTimeout().toMillis();
        session.setMaxIdleTimeout(sendTimeout + closeTimeout);
        SessionPeer opened = new SessionPeer(session, request, sendTimeout, closeTimeout);
        peer = opened;
        WebSocketHandler h = mount.engine().handleWebSocket(opened);
        handler = h;
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) h::onText);
        session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) h::onBinary);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        SessionPeer p = peer;
        if (p != null) {
            p.terminated();
        }
        WebSocketHandler h = handler;
        if (h != null) {
            handler = null;
            h.onClose(closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase());
        }
    }

    /**
     * An I/O failure means the peer went away without a close frame (a killed client, a dropped
     * connection): Node's {@code ws} reports that as a close (1006), so the engine sees {@code
     * transport close}. Other errors (protocol violations, a message over the limit) stay errors
     * ({@code transport error}).
     */
    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(Level.DEBUG, () -> "WebSocket error on " + session.getId() + ": " + error);
        if (isConnectionLost(error)) {
            onClose(
                    session,
                    new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "connection lost"));
            return;
        }
        WebSocketHandler h = handler;
        if (h != null) {
            h.onError(error);
        }
    }

    private static boolean isConnectionLost(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private RequestSnapshot unknownRequest(Session session) {
        String query = session.getQueryString();
        return RequestSnapshot.of(
                "GET",
                mount.path(),
                query == null ? "" : query,
                java.util.Map.of(),
                HandshakeRequests.unknownAddress(),
                session.isSecure());
    }
}
