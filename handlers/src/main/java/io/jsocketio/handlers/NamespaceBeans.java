package io.jsocketio.handlers;

import io.jsocketio.Middleware;
import io.jsocketio.Server;
import io.jsocketio.handlers.internal.HandlerMethod;
import io.jsocketio.handlers.internal.NamespaceBinding;
import io.jsocketio.handlers.internal.SocketWiring;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@link Namespace} beans of an application, validated once and bound to a {@link Server}: the
 * container-neutral core of the CDI extension and of the Spring Boot starter.
 *
 * <pre>{@code
 * NamespaceBeans.Builder builder = NamespaceBeans.builder(HandlerAnnotations.STANDARD);
 * for (HandlerBean bean : candidates) builder.add(bean);
 * if (!builder.errors().isEmpty()) fail(builder.errors());
 * builder.build().bind(server);
 * }</pre>
 *
 * <p>A bean class is scanned once (with its superclasses): its handler methods are resolved into
 * parameter binders, every problem (a bad signature, two handler beans for one namespace, a handler
 * method on a class without a namespace, an invalid name or pattern) is reported with a message
 * naming the method or class. A bean implementing {@link Middleware} is added with {@code nsp.use};
 * handler beans and middleware bind in the order of their class names.
 *
 * <p>Thread-safety: the builder is for one thread; the built instance is immutable and {@link
 * #bind} may be called from any thread.
 */
public final class NamespaceBeans {
    private final List<Binding> bindings;

    private record Binding(
            NamespaceBinding namespace,
            HandlerBean bean,
            List<HandlerMethod> methods,
            boolean middleware) {
        @Override
        public String toString() {
            return namespace + "=" + bean.type().getName();
        }
    }

    private NamespaceBeans(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    /**
     * A builder recognizing the given spellings of the annotations ({@link
     * HandlerAnnotations#STANDARD} when none is given).
     */
    public static Builder builder(HandlerAnnotations... spellings) {
        return new Builder(
                spellings.length == 0 ? List.of(HandlerAnnotations.STANDARD) : List.of(spellings));
    }

    /** Whether no bean was bound. */
    public boolean isEmpty() {
        return bindings.isEmpty();
    }

    /** The namespaces bound, each with its bean class, for logs. */
    @Override
    public String toString() {
        return bindings.toString();
    }

    /**
     * Adds every bean's middleware and handlers to its namespace of {@code server} ({@code
     * server.of(name)} or {@code server.of(pattern)}); call it before the server accepts
     * connections.
     */
    public void bind(Server server) {
        Objects.requireNonNull(server, "server");
        for (Binding binding : bindings) {
            io.jsocketio.Namespace nsp = binding.namespace().on(server);
            if (binding.middleware()) {
                SocketWiring.middleware(nsp, binding.bean());
            }
            if (!binding.methods().isEmpty()) {
                SocketWiring.wire(nsp, binding.bean(), binding.methods());
            }
        }
    }

    /**
     * Collects and validates namespace beans.
     *
     * <p>Thread-safety: not thread-safe; use it on one thread, at start-up.
     */
    public static final class Builder {
        private final List<HandlerAnnotations> spellings;
        private final List<String> errors = new ArrayList<>();
        private final Map<String, Class<?>> handlerOwners = new LinkedHashMap<>();
        private final List<Binding> bindings = new ArrayList<>();

        private Builder(List<HandlerAnnotations> spellings) {
            this.spellings = spellings;
        }

        /** Whether the class carries a namespace annotation of one of the spellings. */
        public boolean declaresNamespace(Class<?> type) {
            return namespaceOf(type) != null;
        }

        /**
         * Validates a class that will not be bound (it is not a usable bean): its handler methods
         * are checked, and having any without a namespace annotation is an error.
         */
        public Builder check(Class<?> type) {
            List<HandlerMethod> methods = scan(type);
            if (namespaceOf(type) == null && !methods.isEmpty()) {
                errors.add(
                        HandlerMethod.describe(methods.get(0).method())
                                + ": a handler method on a class without @Namespace");
            }
            return this;
        }

        /**
         * Validates a bean and, when it is valid, keeps it for binding. A bean without a namespace
         * annotation is only {@linkplain #check checked}.
         */
        public Builder add(HandlerBean bean) {
            Class<?> type = bean.type();
            String[] declared = namespaceOf(type);
            if (declared == null) {
                return check(type);
            }
            List<HandlerMethod> methods = scan(type);
            Object parsed = NamespaceBinding.parse(declared[0], declared[1], type.getName());
            if (parsed instanceof String error) {
                errors.add(error);
                return this;
            }
            NamespaceBinding namespace = (NamespaceBinding) parsed;
            boolean middleware = Middleware.class.isAssignableFrom(type);
            if (!middleware || !methods.isEmpty()) {
                Class<?> previous = handlerOwners.putIfAbsent(namespace.key(), type);
                if (previous != null) {
                    errors.add(
                            type.getName()
                                    + ": duplicate namespace "
                                    + namespace
                                    + ", already handled by "
                                    + previous.getName());
                    return this;
                }
            }
            bindings.add(new Binding(namespace, bean, methods, middleware));
            return this;
        }

        /** The problems found so far, each naming a method or class; unmodifiable snapshot. */
        public List<String> errors() {
            return List.copyOf(errors);
        }

        /**
         * The valid beans, in the order of their class names; the caller decides what {@link
         * #errors()} mean (the CDI extension fails the deployment, the starter the context).
         */
        public NamespaceBeans build() {
            List<Binding> sorted = new ArrayList<>(bindings);
            sorted.sort(Comparator.comparing(b -> b.bean().type().getName()));
            return new NamespaceBeans(sorted);
        }

        private String @Nullable [] namespaceOf(Class<?> type) {
            for (HandlerAnnotations spelling : spellings) {
                String[] declared = spelling.namespaceOf(type);
                if (declared != null) {
                    return declared;
                }
            }
            return null;
        }

        /** The handler methods of a class and its superclasses; problems go to {@link #errors}. */
        private List<HandlerMethod> scan(Class<?> beanClass) {
            List<HandlerMethod> found = new ArrayList<>();
            for (Class<?> c = beanClass; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isBridge() || m.isSynthetic()) {
                        continue;
                    }
                    int count = 0;
                    HandlerMethod.Kind kind = null;
                    String event = null;
                    for (HandlerAnnotations spelling : spellings) {
                        if (spelling.isConnect(m)) {
                            count++;
                            kind = HandlerMethod.Kind.CONNECT;
                        }
                        if (spelling.isDisconnect(m)) {
                            count++;
                            kind = HandlerMethod.Kind.DISCONNECT;
                        }
                        String name = spelling.eventOf(m);
                        if (name != null) {
                            count++;
                            kind = HandlerMethod.Kind.EVENT;
                            event = name;
                        }
                    }
                    if (kind == null) {
                        continue;
                    }
                    if (count > 1) {
                        errors.add(
                                HandlerMethod.describe(m)
                                        + ": more than one of @OnConnect, @OnEvent, @OnDisconnect");
                        continue;
                    }
                    HandlerMethod.analyze(kind, m, event, errors).ifPresent(found::add);
                }
            }
            return found;
        }
    }
}
