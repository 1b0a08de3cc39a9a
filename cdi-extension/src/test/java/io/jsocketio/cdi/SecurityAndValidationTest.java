package io.jsocketio.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.cdi.beans.Guarded;
import io.jsocketio.cdi.beans.Moderation;
import io.jsocketio.cdi.internal.SocketIoExtension;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.testing.FakeEngineSocket;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** {@code @RolesAllowed} on namespace beans and events, and Bean Validation of payloads. */
@EnableWeld
class SecurityAndValidationTest {
    private static final AtomicInteger SIDS = new AtomicInteger();

    @WeldSetup
    WeldInitiator weld =
            WeldInitiator.from(
                            WeldInitiator.createWeld()
                                    .addExtension(new SocketIoExtension())
                                    .addBeanClasses(Moderation.class, Guarded.class))
                    .activate(jakarta.enterprise.context.ApplicationScoped.class)
                    .build();

    @Inject Server io;

    /** A handshake request of an authenticated user with these roles. */
    private record UserRequest(EngineRequest request, String user, Set<String> roles)
            implements EngineRequest {
        @Override
        public String method() {
            return request.method();
        }

        @Override
        public String path() {
            return request.path();
        }

        @Override
        public String queryString() {
            return request.queryString();
        }

        @Override
        public Map<String, List<String>> query() {
            return request.query();
        }

        @Override
        public Map<String, List<String>> headers() {
            return request.headers();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return request.remoteAddress();
        }

        @Override
        public boolean secure() {
            return false;
        }

        @Override
        public Optional<Principal> userPrincipal() {
            return Optional.of(() -> user);
        }

        @Override
        public boolean isUserInRole(String role) {
            return roles.contains(role);
        }
    }

    private FakeEngineSocket open(String user, String... roles) {
        FakeEngineSocket conn =
                new FakeEngineSocket(
                        "engine-" + SIDS.incrementAndGet(),
                        new UserRequest(
                                FakeEngineRequest.get("/socket.io/?EIO=4&transport=websocket"),
                                user,
                                Set.of(roles)),
                        4);
        conn.handTo(io);
        return conn;
    }

    @Test
    void theRolesNamedByNamespaceBeansAreRecordedAtHandshakes() {
        assertThat(io.options().engineOptions().roles()).containsExactly("admin");
    }

    @Test
    void aNamespaceWithRolesAllowedRefusesOtherUsersWithForbidden() {
        FakeEngineSocket alice = open("alice", "chat");
        alice.receive("0/mod,");
        assertThat(alice.texts()).containsExactly("4/mod,{\"message\":\"forbidden\"}");

        FakeEngineSocket bob = open("bob", "chat", "admin");
        bob.receive("0/mod,");
        assertThat(bob.texts()).anyMatch(t -> t.startsWith("0/mod,{\"sid\":"));
        assertThat(bob.texts()).contains("2/mod,[\"hello\",\"moderator\"]");
    }

    @Test
    void anEventWithRolesAllowedIsRefusedWithAForbiddenAck() {
        FakeEngineSocket alice = open("alice", "chat");
        alice.receive("0/guarded,");
        alice.clearSent();
        alice.receive("2/guarded,1[\"ban\",\"carol\"]");
        alice.receive("2/guarded,[\"ban\",\"carol\"]");
        assertThat(alice.texts()).containsExactly("3/guarded,1[{\"message\":\"forbidden\"}]");

        FakeEngineSocket bob = open("bob", "admin");
        bob.receive("0/guarded,");
        bob.clearSent();
        bob.receive("2/guarded,2[\"ban\",\"carol\"]");
        assertThat(bob.texts()).containsExactly("3/guarded,2[\"banned carol\"]");
    }

    @Test
    void anInvalidPayloadIsAnsweredWithItsViolationsAndTheHandlerIsNotCalled() {
        FakeEngineSocket conn = open("alice", "chat");
        conn.receive("0/guarded,");
        conn.clearSent();
        conn.receive(
                "2/guarded,1[\"post\",{\"text\":\" \",\"room\":\"lounge\",\"tags\":[\"ok\",\"\"]}]");
        conn.receive("2/guarded,2[\"post\",{\"text\":\"hi\",\"room\":\"a\",\"tags\":[]}]");
        conn.receive("2/guarded,3[\"unchecked\",{\"text\":\"\",\"room\":\"lounge\"}]");
        assertThat(conn.texts())
                .containsExactly(
                        "3/guarded,1[{\"message\":\"invalid\",\"violations\":["
                                + "{\"path\":\"room\",\"message\":\"size must be between 0 and 5\"},"
                                + "{\"path\":\"tags[1].<list element>\",\"message\":\"must not be blank\"},"
                                + "{\"path\":\"text\",\"message\":\"must not be blank\"}]}]",
                        "3/guarded,2[\"posted hi\"]",
                        "3/guarded,3[\"taken \"]");
    }
}
