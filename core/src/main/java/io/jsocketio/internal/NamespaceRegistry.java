package io.jsocketio.internal;

import io.jsocketio.DynamicNamespaceMatcher;
import io.jsocketio.Namespace;
import io.jsocketio.NewNamespaceListener;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The namespaces of one server by name, the parent namespaces ({@code io.of(regex)}, {@code
 * io.of(matcher)}) that create children on demand, and the {@code new_namespace} listeners.
 *
 * <p>Thread-safety: safe for concurrent use; a name maps to one namespace (the first registered
 * wins, a concurrent duplicate is discarded).
 */
final class NamespaceRegistry {
    private static final System.Logger LOG = System.getLogger(io.jsocketio.Server.class.getName());

    /** A parent namespace and how it matches names. */
    private record Parent(
            DynamicNamespaceMatcher matcher, ParentNamespaceImpl nsp, boolean regex) {}

    private final ServerImpl server;
    private final Map<String, NamespaceImpl> nsps = new ConcurrentHashMap<>();
    private final List<Parent> parents = new CopyOnWriteArrayList<>();
    private final List<NewNamespaceListener> newNamespaceListeners = new CopyOnWriteArrayList<>();

    NamespaceRegistry(ServerImpl server) {
        this.server = server;
    }

    /** The registered namespaces (children of parents included, parents not), a live view. */
    Collection<NamespaceImpl> all() {
        return nsps.values();
    }

    Namespace of(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.startsWith("/") ? name : "/" + name;
        NamespaceImpl existing = nsps.get(n);
        if (existing != null) {
            return existing;
        }
        for (Parent p : parents) {
            if (p.regex()) {
                AtomicBoolean allowed = new AtomicBoolean();
                p.matcher().match(n, jakarta.json.JsonValue.EMPTY_JSON_OBJECT, allowed::set);
                if (allowed.get()) {
                    return p.nsp().createChild(n);
                }
            }
        }
        NamespaceImpl created = new NamespaceImpl(server, n, null);
        NamespaceImpl registered = register(created);
        if (registered != created) {
            created.adapter().close();
        } else if (!n.equals("/")) {
            fireNewNamespace(created);
        }
        return registered;
    }

    Namespace of(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        ParentNamespaceImpl parent = new ParentNamespaceImpl(server);
        parents.add(
                new Parent(
                        (name, auth, result) ->
                                result.accept(
                                        NamespaceNames.isAcceptable(name)
                                                && pattern.matcher(name).find()),
                        parent,
                        true));
        return parent;
    }

    Namespace of(DynamicNamespaceMatcher matcher) {
        Objects.requireNonNull(matcher, "matcher");
        ParentNamespaceImpl parent = new ParentNamespaceImpl(server);
        parents.add(new Parent(matcher, parent, false));
        return parent;
    }

    void onNewNamespace(NewNamespaceListener listener) {
        newNamespaceListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    void fireNewNamespace(NamespaceImpl nsp) {
        for (NewNamespaceListener l : newNamespaceListeners) {
            Events.guard(nsp.name(), "-", "new_namespace", () -> l.onNewNamespace(nsp));
        }
    }

    NamespaceImpl register(NamespaceImpl nsp) {
        NamespaceImpl previous = nsps.putIfAbsent(nsp.name(), nsp);
        return previous == null ? nsp : previous;
    }

    void unregister(NamespaceImpl nsp) {
        nsps.remove(nsp.name(), nsp);
    }

    @Nullable NamespaceImpl existing(String name) {
        return nsps.get(name);
    }

    /**
     * Asks the parent namespaces, in registration order, whether {@code name} may be created;
     * {@code result} gets the (created or concurrently created) namespace, or null. Runs on the
     * client's lane.
     */
    void checkNamespace(
            String name,
            JsonObject auth,
            ClientImpl client,
            Consumer<@Nullable NamespaceImpl> result) {
        if (!NamespaceNames.isAcceptable(name)) {
            LOG.log(System.Logger.Level.DEBUG, "refused a namespace name with control characters");
            result.accept(null);
            return;
        }
        askParent(List.copyOf(parents), 0, name, auth, client, result);
    }

    private void askParent(
            List<Parent> list,
            int i,
            String name,
            JsonObject auth,
            ClientImpl client,
            Consumer<@Nullable NamespaceImpl> result) {
        if (i >= list.size()) {
            result.accept(null);
            return;
        }
        Parent p = list.get(i);
        AtomicBoolean answered = new AtomicBoolean();
        DynamicNamespaceMatcher.Result answer =
                allowed -> {
                    if (!answered.compareAndSet(false, true)) {
                        return;
                    }
                    client.runOnLane(
                            () -> {
                                if (!allowed) {
                                    askParent(list, i + 1, name, auth, client, result);
                                    return;
                                }
                                NamespaceImpl existing = nsps.get(name);
                                result.accept(
                                        existing != null ? existing : p.nsp().createChild(name));
                            });
                };
        try {
            p.matcher().match(name, auth, answer);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "namespace matcher failed for " + name, e);
            answer.accept(false);
        }
    }
}
