package io.jsocketio.handlers.internal;

import io.jsocketio.Socket;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The roles a namespace bean or an {@code @OnEvent} method requires ({@code @RolesAllowed},
 * {@code @DenyAll}, {@code @PermitAll}), checked against the socket's handshake request: a refused
 * connection gets CONNECT_ERROR {@code {"message":"forbidden"}}, a refused event is not delivered
 * and its ack, when the client asked for one, is {@link #FORBIDDEN}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param roles the roles of which the user needs one; empty for {@code @DenyAll}
 */
public record Access(Set<String> roles) {
    private static final boolean AVAILABLE = present("jakarta.annotation.security.RolesAllowed");

    /** The ack of a refused event. */
    static final JsonObject FORBIDDEN =
            Json.createObjectBuilder().add("message", "forbidden").build();

    /** The message of a refused connection. */
    public static final String FORBIDDEN_MESSAGE = "forbidden";

    /**
     * What an element requires, or null when it is open ({@code @PermitAll}, no annotation, or no
     * {@code jakarta.annotation} API on the class path).
     */
    public static @Nullable Access of(AnnotatedElement element) {
        if (!AVAILABLE) {
            return null;
        }
        if (element.isAnnotationPresent(PermitAll.class)) {
            return null;
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return new Access(Set.of());
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        return allowed == null ? null : new Access(Set.copyOf(List.of(allowed.value())));
    }

    /** Whether the socket's user has one of the roles. */
    public boolean allows(Socket socket) {
        for (String role : roles) {
            if (socket.request().isUserInRole(role)) {
                return true;
            }
        }
        return false;
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, Access.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
