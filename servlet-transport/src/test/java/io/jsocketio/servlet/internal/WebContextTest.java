package io.jsocketio.servlet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.servlet.HttpSessions;
import io.jsocketio.servlet.testing.Proxies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The user, roles and HTTP session a request snapshot keeps from the servlet request. */
class WebContextTest {
    private final List<String> roleQuestions = new ArrayList<>();
    private final AtomicBoolean invalidated = new AtomicBoolean();

    private final HttpSession session =
            Proxies.proxy(
                    HttpSession.class,
                    (name, args) ->
                            switch (name) {
                                case "getId" -> "S1";
                                case "getCreationTime" -> {
                                    if (invalidated.get()) {
                                        throw new IllegalStateException("invalidated");
                                    }
                                    yield 1L;
                                }
                                default -> throw new AssertionError(name);
                            });

    private HttpServletRequest request(Principal user, HttpSession existing) {
        return Proxies.proxy(
                HttpServletRequest.class,
                (name, args) ->
                        switch (name) {
                            case "getMethod" -> "GET";
                            case "getRequestURI" -> "/app/socket.io/";
                            case "getContextPath" -> "/app";
                            case "getQueryString" -> "EIO=4&transport=polling";
                            case "getHeaderNames" -> Collections.enumeration(List.of("Cookie"));
                            case "getHeaders" ->
                                    Collections.enumeration(List.of("JSESSIONID=S1; io=x"));
                            case "getRemoteAddr" -> "127.0.0.1";
                            case "getRemotePort" -> 5000;
                            case "isSecure" -> false;
                            case "getUserPrincipal" -> user;
                            case "isUserInRole" -> {
                                roleQuestions.add((String) args[0]);
                                yield "chat".equals(args[0]);
                            }
                            case "getSession" -> {
                                if (args.length == 0 || (Boolean) args[0]) {
                                    throw new AssertionError("a session must never be created");
                                }
                                yield existing;
                            }
                            default -> throw new AssertionError(name);
                        });
    }

    @Test
    void keepsThePrincipalTheAnswersForTheConfiguredRolesAndTheExistingSession() {
        Principal alice = () -> "alice";
        EngineRequest snapshot =
                ServletRequests.snapshot(request(alice, session), Set.of("chat", "admin"));

        assertThat(snapshot.userPrincipal()).containsSame(alice);
        assertThat(snapshot.isUserInRole("chat")).isTrue();
        assertThat(snapshot.isUserInRole("admin")).isFalse();
        assertThat(roleQuestions).containsExactlyInAnyOrder("chat", "admin");
        assertThatThrownBy(() -> snapshot.isUserInRole("other"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'other'")
                .hasMessageContaining("roles option");
        assertThat(snapshot.sessionId()).contains("S1");
        assertThat(snapshot.cookies()).containsEntry("JSESSIONID", "S1").containsEntry("io", "x");
        assertThat(HttpSessions.of(snapshot)).containsSame(session);

        invalidated.set(true);
        assertThat(HttpSessions.of(snapshot)).isEmpty();
        assertThat(snapshot.sessionId()).contains("S1");
    }

    @Test
    void anAnonymousRequestWithoutSessionHasNeitherAndNoRoleIsAsked() {
        EngineRequest snapshot = ServletRequests.snapshot(request(null, null), Set.of("chat"));

        assertThat(snapshot.userPrincipal()).isEmpty();
        assertThat(snapshot.isUserInRole("chat")).isFalse();
        assertThat(snapshot.isUserInRole("unknown")).isFalse();
        assertThat(roleQuestions).isEmpty();
        assertThat(snapshot.sessionId()).isEmpty();
        assertThat(HttpSessions.of(snapshot)).isEmpty();
    }
}
