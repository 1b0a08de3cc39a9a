package io.jsocketio.jetty.internal;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.TransportType;
import io.jsocketio.servlet.internal.RequestSnapshot;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Takes the Engine.IO WebSocket upgrades of the embedded server before the servlet context sees
 * them and runs them on {@link WebSocketConnection}, Jetty's bare connection API, instead of the
 * JSR-356 stack (whose per-frame flush path and full upgrade machinery cost more than the engine
 * needs).
 *
 * <p>Taken: an HTTP/1.1 {@code GET} at a mount's path, query {@code transport=websocket}, with a
 * valid RFC 6455 upgrade ({@code Upgrade: websocket}, {@code Connection: upgrade}, {@code
 * Sec-WebSocket-Version: 13}, a {@code Sec-WebSocket-Key}), for an engine that accepts WebSocket
 * and has {@code perMessageDeflate} off. It is answered {@code 101} with {@code
 * Sec-WebSocket-Accept} and no extension or subprotocol, and the engine sees the same request the
 * JSR-356 transport would build (method, path, query, headers, peer address, TLS flag). Jetty then
 * replaces the HTTP connection by the WebSocket one, as its own WebSocket server does: the new
 * connection is set as the request attribute {@link HttpStream#UPGRADE_CONNECTION_ATTRIBUTE}, and
 * once the 101 response is written Jetty calls {@code EndPoint.upgrade} with it (handing over any
 * bytes that arrived behind the request).
 *
 * <p>Everything else goes on to the wrapped handler unchanged: polling, a deflate-enabled engine
 * (the JSR-356 endpoint negotiates {@code permessage-deflate}), and every bad or partial upgrade,
 * which therefore gets exactly the answer the JSR-356 path gives.
 *
 * <p>Thread-safety: immutable after construction; Jetty calls it concurrently.
 */
public final class WebSocketUpgradeHandler extends Handler.Wrapper {
    /** The size of a connection's pooled read buffer, in bytes. */
    static final int READ_BUFFER_SIZE = 8192;

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final Map<String, EngineMount> mounts;

    /**
     * A handler in front of {@code next} for the mounts that can take the native WebSocket. A close
     * handshake may take each engine's {@code closeTimeout} before the socket is dropped.
     */
    public WebSocketUpgradeHandler(List<EngineMount> mounts, Handler next) {
        super(Objects.requireNonNull(next, "next"));
        Map<String, EngineMount> byPath = new HashMap<>();
        for (EngineMount mount : mounts) {
            EngineOptions options = mount.engine().options();
            if (options.transports().contains(TransportType.WEBSOCKET)
                    && !options.perMessageDeflate()) {
                byPath.put(mount.path(), mount);
            }
        }
        this.mounts = Map.copyOf(byPath);
    }

    /** Whether any mount takes the native WebSocket (else this handler only passes requests on). */
    public boolean isEmpty() {
        return mounts.isEmpty();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EngineMount mount = mounts.get(Request.getPathInContext(request));
        String key = mount == null ? null : upgradeKey(request);
        RequestSnapshot snapshot = key == null ? null : snapshot(mount.path(), request);
        if (snapshot == null || !"websocket".equals(first(snapshot.query().get("transport")))) {
            return super.handle(request, response, callback);
        }
        ConnectionMetaData meta = request.getConnectionMetaData();
        Connector connector = meta.getConnector();
        WebSocketConnection connection =
                new WebSocketConnection(
                        meta.getConnection().getEndPoint(),
                        connector.getExecutor(),
                        connector.getScheduler(),
                        connector.getByteBufferPool(),
                        mount.engine(),
                        snapshot,
                        mount.engine().options().maxHttpBufferSize(),
                        mount.engine().options().closeTimeout().toMillis(),
                        READ_BUFFER_SIZE);
        response.setStatus(HttpStatus.SWITCHING_PROTOCOLS_101);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.UPGRADE, "websocket");
        headers.put(HttpHeader.CONNECTION, "Upgrade");
        headers.put(HttpHeader.SEC_WEBSOCKET_ACCEPT, acceptKey(key));
        request.setAttribute(HttpStream.UPGRADE_CONNECTION_ATTRIBUTE, connection);
        response.write(true, null, callback);
        return true;
    }

    /** The {@code Sec-WebSocket-Key} of a valid RFC 6455 upgrade request, else null. */
    static @Nullable String upgradeKey(Request request) {
        if (!HttpMethod.GET.is(request.getMethod())
                || request.getConnectionMetaData().getHttpVersion() != HttpVersion.HTTP_1_1) {
            return null;
        }
        HttpFields fields = request.getHeaders();
        String key = fields.get(HttpHeader.SEC_WEBSOCKET_KEY);
        if (key == null
                || key.isBlank()
                || !"13".equals(fields.get(HttpHeader.SEC_WEBSOCKET_VERSION))
                || !fields.contains(HttpHeader.UPGRADE, "websocket")
                || !fields.contains(HttpHeader.CONNECTION, "upgrade")) {
            return null;
        }
        return key.trim();
    }

    /** {@code Sec-WebSocket-Accept} for a key (RFC 6455 section 4.2.2). */
    static String acceptKey(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /**
     * The request the engine sees, built as the JSR-356 transport builds it: method {@code GET},
     * the mount's path, the raw query, every header, the peer's address and the TLS flag.
     */
    static RequestSnapshot snapshot(String path, Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
        }
        String query = request.getHttpURI().getQuery();
        return RequestSnapshot.of(
                "GET",
                path,
                query == null ? "" : query,
                headers,
                RequestSnapshot.address(
                        Request.getRemoteAddr(request), Request.getRemotePort(request)),
                request.isSecure());
    }

    private static @Nullable String first(@Nullable List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
