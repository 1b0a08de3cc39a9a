package io.jsocketio.servlet;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.servlet.internal.AsyncExchange;
import io.jsocketio.servlet.internal.ClientFiles;
import io.jsocketio.servlet.internal.RequestSnapshot;
import io.jsocketio.servlet.internal.ServletRequests;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The Engine.IO long-polling transport as an asynchronous servlet. Map it at {@code <path>*} (for
 * example {@code /socket.io/*}) with {@code asyncSupported=true}, or let {@link
 * ServletTransport#install} do both.
 *
 * <p>Every request below the engine's path is put in asynchronous mode with no container timeout,
 * turned into a {@link io.jsocketio.engine.PollingExchange} and handed to {@link
 * EngineServer#handleRequest}: the engine decides everything (handshake, errors, parked polls,
 * CORS). The exchange reads the body with a {@code ReadListener} that stops as soon as the engine's
 * limit is passed, writes the answer with a {@code WriteListener}, and reports a client that went
 * away through an {@code AsyncListener}; no container thread ever waits. A GET for one of the
 * mount's {@link io.jsocketio.engine.StaticFiles} ({@code <path>socket.io.min.js}) is answered from
 * memory with {@code ETag}/{@code 304} instead. A request outside the engine's path (the mapping
 * {@code /socket.io/*} also matches {@code /socket.io}) is answered 404, as Node leaves such a
 * request to other handlers.
 *
 * <p>Thread-safety: safe for concurrent use; it keeps no per-request state.
 */
public final class EngineServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(EngineServlet.class.getName());

    private final transient EngineMount mount;
    private final transient @Nullable ClientFiles files;

    /** A servlet serving the given mount. */
    public EngineServlet(EngineMount mount) {
        this.mount = Objects.requireNonNull(mount, "mount");
        this.files = mount.files() == null ? null : new ClientFiles(mount.files());
    }

    /** The engine this servlet feeds. */
    public EngineServer engine() {
        return mount.engine();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        String path = ServletRequests.contextRelativePath(request);
        String base = mount.path();
        if (!path.startsWith(base)) {
            LOG.log(Level.DEBUG, () -> "not below " + base + ": " + path);
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        RequestSnapshot snapshot =
                ServletRequests.snapshot(request, mount.engine().options().roles());
        AsyncExchange exchange = AsyncExchange.start(request, response, snapshot);
        if (files != null && "GET".equals(snapshot.method())) {
            Optional<ClientFiles.Answer> file =
                    files.answer(path.substring(base.length()), snapshot);
            if (file.isPresent()) {
                ClientFiles.Answer answer = file.get();
                exchange.respond(answer.status(), answer.headers(), answer.body());
                return;
            }
        }
        try {
            mount.engine().handleRequest(exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, () -> "the engine failed on " + snapshot.url(), e);
            exchange.respond(500, java.util.Map.of(), new byte[0]);
        }
    }
}
