package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Server;
import io.jsocketio.handlers.HandlerAnnotations;
import io.jsocketio.handlers.NamespaceBeans;
import io.jsocketio.handlers.OnConnect;
import io.jsocketio.handlers.OnDisconnect;
import io.jsocketio.handlers.OnEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the beans annotated {@link io.jsocketio.handlers.Namespace} (and beans with handler methods
 * but no namespace, which are errors) once every singleton exists, validates them through the
 * shared {@link NamespaceBeans} and binds them to the server, before the web server starts
 * accepting connections. Any problem fails the application's start with every message.
 *
 * <p>Thread-safety: Spring calls it once, on the thread that refreshes the context.
 */
final class NamespaceBeanBinder implements SmartInitializingSingleton {
    private static final Logger LOG = System.getLogger(NamespaceBeanBinder.class.getName());

    private final ListableBeanFactory beans;
    private final Server server;
    private final SocketCallScope scope;

    NamespaceBeanBinder(ListableBeanFactory beans, Server server, SocketCallScope scope) {
        this.beans = beans;
        this.server = server;
        this.scope = scope;
    }

    @Override
    public void afterSingletonsInstantiated() {
        NamespaceBeans.Builder builder = NamespaceBeans.builder(HandlerAnnotations.STANDARD);
        Set<String> names =
                new LinkedHashSet<>(
                        java.util.Arrays.asList(
                                beans.getBeanNamesForAnnotation(
                                        io.jsocketio.handlers.Namespace.class)));
        for (String name : names) {
            Class<?> type = beans.getType(name);
            if (type != null) {
                builder.add(
                        new SpringHandlerBean(beans, name, ClassUtils.getUserClass(type), scope));
            }
        }
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type != null && !names.contains(name) && hasHandlerMethods(type)) {
                builder.check(ClassUtils.getUserClass(type));
            }
        }
        if (!builder.errors().isEmpty()) {
            throw new IllegalStateException(
                    "jsocketio: invalid @Namespace beans:\n  "
                            + String.join("\n  ", builder.errors()));
        }
        NamespaceBeans bound = builder.build();
        bound.bind(server);
        LOG.log(Level.DEBUG, () -> "jsocketio namespace beans: " + bound);
    }

    private static boolean hasHandlerMethods(Class<?> type) {
        Class<?> user = ClassUtils.getUserClass(type);
        if (user.getName().startsWith("org.springframework.")) {
            return false;
        }
        boolean[] found = {false};
        ReflectionUtils.doWithMethods(
                user,
                m -> found[0] = true,
                m ->
                        m.isAnnotationPresent(OnEvent.class)
                                || m.isAnnotationPresent(OnConnect.class)
                                || m.isAnnotationPresent(OnDisconnect.class));
        return found[0];
    }
}
