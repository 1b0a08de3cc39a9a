package io.jsocketio.handlers.internal;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The security roles that namespace beans name, through {@code @DeclareRoles} and
 * {@code @RolesAllowed} on the class or its methods (superclasses included): the server records
 * these at every handshake (the {@code roles} option), so that handlers can ask {@code
 * isUserInRole} for them.
 *
 * <p>Thread-safety: stateless.
 */
public final class DeclaredRoles {
    private DeclaredRoles() {}

    /** The roles named by these bean classes, in a stable order. */
    public static Set<String> of(Collection<Class<?>> beanClasses) {
        if (!Access.present("jakarta.annotation.security.RolesAllowed")) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (Class<?> type : beanClasses) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                add(roles, c.getAnnotation(DeclareRoles.class));
                add(roles, c.getAnnotation(RolesAllowed.class));
                for (Method m : c.getDeclaredMethods()) {
                    add(roles, m.getAnnotation(RolesAllowed.class));
                }
            }
        }
        return Collections.unmodifiableSet(roles);
    }

    private static void add(Set<String> roles, DeclareRoles annotation) {
        if (annotation != null) {
            roles.addAll(List.of(annotation.value()));
        }
    }

    private static void add(Set<String> roles, RolesAllowed annotation) {
        if (annotation != null) {
            roles.addAll(List.of(annotation.value()));
        }
    }
}
