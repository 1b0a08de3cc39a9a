package io.jsocketio.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.cdi.beans.Cart;
import io.jsocketio.cdi.beans.FakeHttpSessionContext;
import io.jsocketio.cdi.beans.Recorder;
import io.jsocketio.cdi.beans.Shop;
import io.jsocketio.cdi.internal.SocketIoExtension;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.servlet.internal.RequestSnapshot;
import io.jsocketio.servlet.internal.WebContext;
import io.jsocketio.servlet.testing.Proxies;
import io.jsocketio.testing.FakeEngineSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The session context during handler calls (Weld SE's bound session context over the socket's HTTP
 * session): {@code @SessionScoped} beans live in the session under the names Weld's HTTP session
 * context uses, and are shared by the sockets of one session only.
 */
@EnableWeld
class SessionContextTest {
    private static final AtomicInteger SIDS = new AtomicInteger();

    @WeldSetup
    WeldInitiator weld =
            WeldInitiator.from(
                            WeldInitiator.createWeld()
                                    .addExtension(new SocketIoExtension())
                                    .addExtension(new FakeHttpSessionContext.Registration())
                                    .addBeanClasses(Shop.class, Cart.class, Recorder.class))
                    .activate(ApplicationScoped.class)
                    .build();

    @Inject Server io;
    @Inject Recorder recorder;

    /** An HTTP session as a container keeps it: attributes, until invalidated. */
    private static final class Session {
        final Map<String, Object> attributes = new ConcurrentHashMap<>();
        final AtomicBoolean invalidated = new AtomicBoolean();
        final HttpSession http =
                Proxies.proxy(
                        HttpSession.class,
                        (name, args) -> {
                            if (invalidated.get()) {
                                throw new IllegalStateException("invalidated");
                            }
                            return switch (name) {
                                case "getId" -> "S" + System.identityHashCode(this);
                                case "getCreationTime" -> 1L;
                                case "getAttribute" -> attributes.get((String) args[0]);
                                case "getAttributeNames" ->
                                        Collections.enumeration(List.copyOf(attributes.keySet()));
                                case "setAttribute" -> {
                                    attributes.put((String) args[0], args[1]);
                                    yield null;
                                }
                                case "removeAttribute" -> {
                                    attributes.remove((String) args[0]);
                                    yield null;
                                }
                                default -> throw new AssertionError(name);
                            };
                        });
    }

    private static EngineRequest handshake(@Nullable Session session) {
        RequestSnapshot request =
                RequestSnapshot.of(
                        "GET",
                        "/socket.io/",
                        "EIO=4&transport=polling",
                        Map.of(),
                        RequestSnapshot.address("127.0.0.1", 40000),
                        false);
        return session == null
                ? request
                : request.withWeb(WebContext.of(null, role -> false, session.http, Set.of()));
    }

    private FakeEngineSocket connect(@Nullable Session session) {
        FakeEngineSocket conn =
                new FakeEngineSocket("engine-" + SIDS.incrementAndGet(), handshake(session), 4);
        conn.handTo(io);
        conn.receive("0/shop,");
        conn.clearSent();
        return conn;
    }

    private static String add(FakeEngineSocket conn, int id, String item) {
        conn.clearSent();
        conn.receive("2/shop," + id + "[\"add\",\"" + item + "\"]");
        return conn.texts().get(conn.texts().size() - 1);
    }

    @Test
    void theSocketsOfOneHttpSessionShareItsSessionScopedBeans() {
        Session session = new Session();
        FakeEngineSocket first = connect(session);
        FakeEngineSocket second = connect(session);

        assertThat(add(first, 1, "apple")).isEqualTo("3/shop,1[\"apple\"]");
        assertThat(add(second, 2, "pear")).isEqualTo("3/shop,2[\"apple,pear\"]");
        // where Weld's HTTP session context (servlets, JSF) keeps the bean: the same instance
        assertThat(session.attributes.keySet())
                .anyMatch(name -> name.startsWith("WELD_S#"))
                .noneMatch(name -> name.startsWith("WELD_BS"));
    }

    @Test
    void anotherHttpSessionHasItsOwnInstances() {
        FakeEngineSocket mine = connect(new Session());
        FakeEngineSocket theirs = connect(new Session());

        assertThat(add(mine, 1, "apple")).isEqualTo("3/shop,1[\"apple\"]");
        assertThat(add(theirs, 1, "plum")).isEqualTo("3/shop,1[\"plum\"]");
    }

    @Test
    void withoutHttpSessionTheSessionContextIsNotActive() {
        FakeEngineSocket conn = connect(null);

        assertThat(add(conn, 1, "apple")).isEqualTo("3/shop,1[\"no session\"]");
    }

    @Test
    void anInvalidatedHttpSessionLeavesTheSessionContextInactive() {
        Session session = new Session();
        FakeEngineSocket conn = connect(session);
        assertThat(add(conn, 1, "apple")).isEqualTo("3/shop,1[\"apple\"]");

        session.invalidated.set(true);

        assertThat(add(conn, 2, "pear")).isEqualTo("3/shop,2[\"no session\"]");
    }

    @Test
    void aDisconnectInsideAHandlerSeesTheSameSession() {
        Session session = new Session();
        FakeEngineSocket conn = connect(session);
        add(conn, 1, "apple");

        conn.receive("2/shop,[\"leave\"]");

        assertThat(recorder.calls()).containsExactly("left with [apple]");
    }

    @Test
    void aContainersSessionContextActiveOnTheThreadGivesWayForTheCall() {
        FakeHttpSessionContext container = FakeHttpSessionContext.Registration.CONTEXT;
        FakeEngineSocket withSession = connect(new Session());
        FakeEngineSocket without = connect(null);
        container.activate(); // a request of another session runs the lane inline
        try {
            assertThat(add(withSession, 1, "apple")).isEqualTo("3/shop,1[\"apple\"]");
            assertThat(add(without, 1, "pear")).isEqualTo("3/shop,1[\"no session\"]");

            assertThat(container.isActive()).isTrue();
        } finally {
            container.deactivate();
        }
    }

    @Test
    void theSessionContextIsNotLeftActiveOnTheThread() {
        BoundSessionContext bound =
                weld.select(BoundSessionContext.class, BoundLiteral.INSTANCE).get();
        FakeEngineSocket conn = connect(new Session());
        add(conn, 1, "apple");

        assertThat(bound.isActive()).isFalse();
    }
}
