package io.jsocketio.jetty.internal;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.servlet.internal.RequestSnapshot;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The long-polling transport of the embedded server on Jetty's core API: every request to exactly a
 * mount's path ({@code /socket.io/?EIO=4&transport=polling...}) that is not a WebSocket upgrade
 * goes straight to {@link io.jsocketio.engine.EngineServer#handleRequest} as a {@link
 * JettyPollingExchange}, without the servlet layer; everything else (WebSocket upgrades, the client
 * bundle below the path, the application's own resources) goes on to the wrapped handler. The
 * engine sees the same request snapshot as from the servlet transport.
 *
 * <p>Thread-safety: immutable after construction; safe for concurrent use.
 */
public final class JettyPollingHandler extends Handler.Wrapper {
    private static final Logger LOG = System.getLogger(JettyPollingHandler.class.getName());

    private final Map<String, EngineMount> mounts = new LinkedHashMap<>();

    /** Serves {@code mounts} in front of {@code next}. */
    public JettyPollingHandler(List<EngineMount> mounts, Handler next) {
        super(next);
        for (EngineMount m : mounts) {
            this.mounts.put(m.path(), m);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EngineMount mount = mounts.get(request.getHttpURI().getPath());
        if (mount == null || request.getHeaders().contains(HttpHeader.UPGRADE)) {
            return super.handle(request, response, callback);
        }
        RequestSnapshot snapshot = snapshot(request);
        JettyPollingExchange exchange =
                new JettyPollingExchange(request, response, callback, snapshot);
        try {
            mount.engine().handleRequest(exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "the engine failed on " + snapshot.url(), e);
            exchange.respond(500, Map.of(), new byte[0]);
        }
        return true;
    }

    private static RequestSnapshot snapshot(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>(1))
                    .add(field.getValue());
        }
        String query = request.getHttpURI().getQuery();
        String queryString = query == null ? "" : query;
        return new RequestSnapshot(
                request.getMethod(),
                request.getHttpURI().getPath(),
                queryString,
                RequestSnapshot.decodeQuery(queryString),
                headers,
                address(request.getConnectionMetaData().getRemoteSocketAddress()),
                request.isSecure());
    }

    private static InetSocketAddress address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet;
        }
        return RequestSnapshot.address("", 0);
    }
}
