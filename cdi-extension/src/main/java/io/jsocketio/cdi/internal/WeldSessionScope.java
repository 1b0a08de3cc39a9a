package io.jsocketio.cdi.internal;

import io.jsocketio.Socket;
import io.jsocketio.servlet.HttpSessions;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.http.HttpSession;
import java.lang.System.Logger.Level;
import java.util.Map;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.jboss.weld.context.http.HttpLiteral;
import org.jboss.weld.context.http.HttpSessionContext;
import org.jspecify.annotations.Nullable;

/**
 * The session scope with Weld: Weld's bound session context, associated for the call with a view of
 * the socket's {@link HttpSession} in which its entries are the ones Weld's HTTP session context
 * keeps there ({@link WeldSessionAttributes}), so servlets and handlers share each
 * {@code @SessionScoped} instance. When the container has its HTTP session context active on the
 * thread (an application request that runs the socket's lane inline, e.g. a servlet disconnecting
 * the socket; Weld's contexts are kept off the engine's own requests by {@link
 * WeldContextMapping}), that context is suspended for the call: the socket's session is its
 * handshake's, whatever the thread. A call made while the bound session context is already active
 * (a handler that disconnects its socket runs the disconnect handlers inside its own call) joins
 * it.
 *
 * <p>Thread-safety: Weld's contexts keep their state per thread; safe for concurrent use.
 */
final class WeldSessionScope implements SessionScope {
    private final BoundSessionContext bound;
    private final @Nullable HttpSessionContext http;

    private WeldSessionScope(BoundSessionContext bound, @Nullable HttpSessionContext http) {
        this.bound = bound;
        this.http = http;
    }

    /** The scope, or null when the bean manager has no Weld bound session context. */
    static @Nullable WeldSessionScope of(BeanManager manager) {
        Instance<Object> beans = manager.createInstance();
        Instance<BoundSessionContext> bound =
                beans.select(BoundSessionContext.class, BoundLiteral.INSTANCE);
        if (!bound.isResolvable()) {
            return null;
        }
        // absent in Weld SE: no container HTTP session context to suspend then
        Instance<HttpSessionContext> http =
                beans.select(HttpSessionContext.class, HttpLiteral.INSTANCE);
        return new WeldSessionScope(bound.get(), http.isResolvable() ? http.get() : null);
    }

    @Override
    public Exit enter(Socket socket) {
        if (bound.isActive()) {
            return Exit.NOTHING;
        }
        HttpSession session = HttpSessions.of(socket.request()).orElse(null);
        HttpSessionContext suspended = http != null && http.isActive() ? http : null;
        if (session == null && suspended == null) {
            return Exit.NOTHING;
        }
        if (suspended != null) {
            suspended.deactivate();
        }
        if (session == null) {
            return () -> resume(suspended);
        }
        Map<String, Object> storage = new WeldSessionAttributes(session);
        if (!bound.associate(storage)) {
            // a bean store left behind on this thread by someone else: ours replaces it
            LOG.log(Level.DEBUG, "bound session context was associated: replaced");
            bound.dissociate(storage);
            bound.associate(storage);
        }
        try {
            bound.activate();
        } catch (RuntimeException e) {
            bound.dissociate(storage);
            resume(suspended);
            throw e;
        }
        return () -> {
            try {
                bound.deactivate();
            } finally {
                bound.dissociate(storage);
                resume(suspended);
            }
        };
    }

    /**
     * Activates the container's HTTP session context again, unless the container ended it during
     * the call (a request it completed on this thread) or activated it itself.
     */
    private static void resume(@Nullable HttpSessionContext suspended) {
        if (suspended == null || suspended.isActive()) {
            return;
        }
        try {
            suspended.activate();
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "HTTP session context ended during the call: " + e);
        }
    }
}
