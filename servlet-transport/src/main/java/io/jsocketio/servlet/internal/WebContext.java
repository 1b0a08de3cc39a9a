package io.jsocketio.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What the container knew of a request's user and web session while it held the request: the
 * authenticated principal, the answers to {@code isUserInRole} for the roles asked for, and the
 * HTTP session (never created here).
 *
 * <p>Thread-safety: immutable apart from the session object, which is the container's.
 *
 * @param principal the authenticated user, or null
 * @param roles each role asked for, and whether the user had it; empty without a principal
 * @param sessionId the id of that session when the request was made, or null
 * @param session the HTTP session the request belonged to, or null
 */
public record WebContext(
        @Nullable Principal principal,
        Map<String, Boolean> roles,
        @Nullable String sessionId,
        @Nullable HttpSession session) {

    /** No user and no session. */
    public static final WebContext NONE = new WebContext(null, Map.of(), null, null);

    public WebContext {
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
    }

    /** The web context of a servlet request, without creating a session. */
    public static WebContext of(HttpServletRequest request, Set<String> roles) {
        return of(
                request.getUserPrincipal(),
                request::isUserInRole,
                request.getSession(false),
                roles);
    }

    /**
     * A web context from its parts: {@code inRole} is asked for each role while the request is
     * held, and only when there is a principal.
     */
    public static WebContext of(
            @Nullable Principal principal,
            Predicate<String> inRole,
            @Nullable Object session,
            Set<String> roles) {
        HttpSession http = session instanceof HttpSession s ? s : null;
        if (principal == null && http == null) {
            return NONE;
        }
        Map<String, Boolean> answers = new LinkedHashMap<>();
        if (principal != null) {
            for (String role : roles) {
                answers.put(role, inRole.test(role));
            }
        }
        return new WebContext(principal, answers, http == null ? null : idOf(http), http);
    }

    /** The session, when there is one and the container has not invalidated it since. */
    public @Nullable HttpSession validSession() {
        if (session == null) {
            return null;
        }
        try {
            session.getCreationTime(); // throws on an invalidated session
            return session;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    private static @Nullable String idOf(HttpSession session) {
        try {
            return session.getId();
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
