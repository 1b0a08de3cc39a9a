package io.jsocketio.internal;

import io.jsocketio.RemoteSocket;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.BroadcastOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A namespace made from a pattern or a matcher: creates child namespaces on demand, copying its
 * middlewares and connection listeners to each; its broadcasts reach every child.
 */
final class ParentNamespaceImpl extends NamespaceImpl {
    private static final System.Logger LOG = System.getLogger(ParentNamespaceImpl.class.getName());
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final Set<NamespaceImpl> children = new CopyOnWriteArraySet<>();

    ParentNamespaceImpl(ServerImpl server) {
        super(server, "/_" + COUNT.getAndIncrement(), null);
    }

    @Override
    Adapter createAdapter() {
        return new ParentAdapter(this);
    }

    Set<NamespaceImpl> children() {
        return children;
    }

    /** Creates and registers the child {@code name}; returns the existing one if it won a race. */
    NamespaceImpl createChild(String name) {
        NamespaceImpl child = new NamespaceImpl(serverImpl(), name, this);
        child.middlewares.addAll(middlewares);
        child.connectionListeners.addAll(connectionListeners);
        NamespaceImpl registered = serverImpl().registry().register(child);
        if (registered == child) {
            children.add(child);
            LOG.log(System.Logger.Level.DEBUG, "created child namespace {0} of {1}", name, name());
            serverImpl().registry().fireNewNamespace(child);
        } else {
            child.adapter().close();
        }
        return registered;
    }

    void removeChild(NamespaceImpl child) {
        LOG.log(System.Logger.Level.DEBUG, "closing empty child namespace {0}", child.name());
        children.remove(child);
        serverImpl().registry().unregister(child);
        child.adapter().close();
    }

    @Override
    CompletionStage<List<RemoteSocket>> fetchSockets(BroadcastOptions opts) {
        throw new UnsupportedOperationException(
                "fetchSockets() is not supported on parent namespaces");
    }
}
