package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Namespaces: names, middlewares, dynamic namespaces, server-side events. */
class NamespaceTest {
    private SioHarness h = SioHarness.create();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void ofAddsTheLeadingSlashAndReturnsTheSameNamespace() {
        Namespace a = h.io.of("orders");

        assertThat(a.name()).isEqualTo("/orders");
        assertThat(h.io.of("/orders")).isSameAs(a);
        assertThat(h.io.sockets().name()).isEqualTo("/");
        assertThat(h.io.of("/")).isSameAs(h.io.sockets());
        assertThat(a.server()).isSameAs(h.io);
    }

    @Test
    void firesNewNamespaceForNamespacesAfterTheMainOne() {
        List<String> created = new ArrayList<>();
        h.io.onNewNamespace(nsp -> created.add(nsp.name()));

        h.io.of("/a");
        h.io.of("/a");
        h.io.of(Pattern.compile("^/dyn-\\d+$"));
        h.open().receive("0/dyn-1,");

        assertThat(created).containsExactly("/a", "/dyn-1");
    }

    @Test
    void aMiddlewareRefusalBecomesConnectErrorWithMessageAndData() {
        h.io.of("/secure")
                .use(
                        (socket, next) -> {
                            if ("let-me-in"
                                    .equals(socket.handshake().auth().getString("token", null))) {
                                next.proceed();
                            } else {
                                next.fail(new ConnectError("unauthorized", Map.of("code", 401)));
                            }
                        })
                .onConnection(s -> s.emit("welcome", "/secure"));
        FakeEngineSocket refused = h.open();
        FakeEngineSocket admitted = h.open();

        refused.receive("0/secure,{\"token\":\"nope\"}");
        admitted.receive("0/secure,{\"token\":\"let-me-in\"}");

        assertThat(refused.texts())
                .containsExactly("4/secure,{\"message\":\"unauthorized\",\"data\":{\"code\":401}}");
        assertThat(refused.isOpen()).isTrue();
        assertThat(admitted.texts().get(1)).isEqualTo("2/secure,[\"welcome\",\"/secure\"]");
        assertThat(h.io.of("/secure").sockets()).hasSize(1);
    }

    @Test
    void aRefusalWithoutDataHasOnlyAMessage() {
        h.io.use((socket, next) -> next.fail(new IllegalStateException("go away")));
        FakeEngineSocket conn = h.open();

        conn.receive("0");

        assertThat(conn.texts()).containsExactly("4{\"message\":\"go away\"}");
        assertThat(h.io.sockets().adapter().rooms()).isEmpty();
    }

    @Test
    void aThrowingMiddlewareRefusesWithItsMessage() {
        h.io.use(
                (socket, next) -> {
                    throw new IllegalArgumentException("broken");
                });
        FakeEngineSocket conn = h.open();

        conn.receive("0");

        assertThat(conn.texts()).containsExactly("4{\"message\":\"broken\"}");
    }

    @Test
    void middlewaresRunInOrderAndMayAnswerLater() throws Exception {
        List<String> seen = new ArrayList<>();
        List<Next> parked = new ArrayList<>();
        h.io.use(
                (socket, next) -> {
                    seen.add("first connected=" + socket.connected());
                    socket.data(new Session("ann"));
                    socket.join("early");
                    parked.add(next);
                });
        h.io.use(
                (socket, next) -> {
                    seen.add("second");
                    next.proceed();
                });
        h.io.onConnection(
                s ->
                        seen.add(
                                "connection "
                                        + s.data(Session.class).orElseThrow().user()
                                        + " "
                                        + s.rooms().contains("early")));
        FakeEngineSocket conn = h.open();

        conn.receive("0");
        assertThat(conn.messages()).isEmpty();
        Thread t = new Thread(() -> parked.get(0).proceed());
        t.start();
        t.join();

        assertThat(seen).containsExactly("first connected=false", "second", "connection ann true");
        assertThat(conn.texts().get(0)).startsWith("0{\"sid\":");
    }

    public record Session(String user) {}

    @Test
    void aSessionClosedDuringTheMiddlewaresCreatesNoSocket() {
        List<Next> parked = new ArrayList<>();
        List<Socket> connected = new ArrayList<>();
        h.io.use((socket, next) -> parked.add(next));
        h.io.onConnection(connected::add);
        FakeEngineSocket conn = h.open();
        conn.receive("0");

        conn.end(io.jsocketio.engine.CloseReason.TRANSPORT_CLOSE, null);
        parked.get(0).proceed();

        assertThat(connected).isEmpty();
        assertThat(h.io.sockets().adapter().rooms()).isEmpty();
    }

    @Test
    void aRegexNamespaceCreatesMatchingChildrenWithItsMiddlewaresAndListeners() {
        List<String> seen = new ArrayList<>();
        Namespace parent = h.io.of(Pattern.compile("^/dynamic-\\d+$"));
        parent.use(
                (socket, next) -> {
                    seen.add("middleware " + socket.nsp().name());
                    next.proceed();
                });
        parent.onConnection(s -> s.emit("welcome", s.nsp().name()));
        FakeEngineSocket ok = h.open();
        FakeEngineSocket bad = h.open();

        ok.receive("0/dynamic-101,");
        bad.receive("0/dynamic-abc,");

        assertThat(ok.texts().get(0)).startsWith("0/dynamic-101,{\"sid\":");
        assertThat(ok.texts().get(1)).isEqualTo("2/dynamic-101,[\"welcome\",\"/dynamic-101\"]");
        assertThat(bad.texts())
                .containsExactly("4/dynamic-abc,{\"message\":\"Invalid namespace\"}");
        assertThat(seen).containsExactly("middleware /dynamic-101");
        assertThat(h.io.of("/dynamic-101").sockets()).hasSize(1);
    }

    @Test
    void aRegexNamespaceMatchesLikeRegExpTestSoALineBreakBeforeTheEndIsRefused() {
        Namespace parent = h.io.of(Pattern.compile("^/dynamic-\\d+$"));
        List<String> created = new ArrayList<>();
        h.io.onNewNamespace(n -> created.add(n.name()));
        FakeEngineSocket client = h.open();

        client.receive("0/dynamic-1\n,");
        client.receive("0/dynamic-2\r\n,");
        client.receive("0/dynamic-3\u2028,");

        assertThat(client.texts())
                .containsExactly(
                        "4/dynamic-1\n,{\"message\":\"Invalid namespace\"}",
                        "4/dynamic-2\r\n,{\"message\":\"Invalid namespace\"}",
                        "4/dynamic-3\u2028,{\"message\":\"Invalid namespace\"}");
        assertThat(created).isEmpty();
        assertThat(parent.name()).doesNotContain("dynamic-1");
        assertThat(client.isOpen()).isTrue();
    }

    @Test
    void aNameWithAControlCharacterIsAnInvalidNamespaceEvenForAMatcherThatAllowsAll() {
        h.io.of((name, auth, result) -> result.accept(true));
        FakeEngineSocket client = h.open();

        client.receive("0/a\u0000b,");
        client.receive("0/tab\there,");
        client.receive("0/c1\u0085,");
        client.receive("0/fine,");

        assertThat(client.texts())
                .hasSize(4)
                .startsWith(
                        "4/a\u0000b,{\"message\":\"Invalid namespace\"}",
                        "4/tab\there,{\"message\":\"Invalid namespace\"}",
                        "4/c1\u0085,{\"message\":\"Invalid namespace\"}");
        assertThat(client.texts().get(3)).startsWith("0/fine,{\"sid\":");
    }

    @Test
    void ofAttachesANameMatchingARegexToItsParent() {
        List<String> seen = new ArrayList<>();
        h.io.of(Pattern.compile("^/dynamic-\\d+$")).onConnection(s -> seen.add(s.nsp().name()));

        Namespace child = h.io.of("/dynamic-7");
        h.open().receive("0/dynamic-7,");

        assertThat(child.name()).isEqualTo("/dynamic-7");
        assertThat(seen).containsExactly("/dynamic-7");
    }

    @Test
    void aParentNamespaceBroadcastsToEveryChild() {
        Namespace parent = h.io.of(Pattern.compile("^/room-\\d$"));
        FakeEngineSocket one = h.open();
        FakeEngineSocket two = h.open();
        one.receive("0/room-1,");
        two.receive("0/room-2,");
        one.clearSent();
        two.clearSent();

        parent.emit("hello", 1);

        assertThat(one.texts()).containsExactly("2/room-1,[\"hello\",1]");
        assertThat(two.texts()).containsExactly("2/room-2,[\"hello\",1]");
        assertThatThrownBy(parent::fetchSockets).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFunctionNamespaceDecidesFromTheNameAndAuthEvenLater() throws Exception {
        List<DynamicNamespaceMatcher.Result> parked = new ArrayList<>();
        h.io.of(
                        (name, auth, result) -> {
                            if (auth.containsKey("later")) {
                                parked.add(result);
                            } else {
                                result.accept(
                                        name.startsWith("/tenant-") && auth.containsKey("key"));
                            }
                        })
                .onConnection(s -> s.emit("hi"));
        FakeEngineSocket admitted = h.open();
        FakeEngineSocket refused = h.open();
        FakeEngineSocket later = h.open();

        admitted.receive("0/tenant-a,{\"key\":1}");
        refused.receive("0/tenant-b,{}");
        later.receive("0/tenant-c,{\"later\":true}");
        assertThat(later.messages()).isEmpty();
        Thread t = new Thread(() -> parked.get(0).accept(true));
        t.start();
        t.join();

        assertThat(admitted.texts().get(1)).isEqualTo("2/tenant-a,[\"hi\"]");
        assertThat(refused.texts())
                .containsExactly("4/tenant-b,{\"message\":\"Invalid namespace\"}");
        assertThat(later.texts().get(1)).isEqualTo("2/tenant-c,[\"hi\"]");
    }

    @Test
    void removesEmptyChildNamespacesWhenAsked() {
        h.close();
        h = SioHarness.create(b -> b.cleanupEmptyChildNamespaces(true));
        List<String> created = new ArrayList<>();
        h.io.onNewNamespace(n -> created.add(n.name()));
        h.io.of(Pattern.compile("^/d-\\d$"));
        FakeEngineSocket conn = h.open();
        conn.receive("0/d-1,");
        Namespace first = h.io.of("/d-1");

        conn.receive("1/d-1,");
        conn.receive("0/d-1,");

        assertThat(created).containsExactly("/d-1", "/d-1");
        assertThat(h.io.of("/d-1")).isNotSameAs(first);
    }

    @Test
    void serverSideEmitReachesNoOtherServerWithTheInMemoryAdapter() throws Exception {
        List<String> seen = new ArrayList<>();
        h.io.onServerSideEmit("hello", (args, ack) -> seen.add("local listener"));

        h.io.serverSideEmit("hello", "world");
        CompletableFuture<List<Args>> acks =
                h.io.serverSideEmitWithAck("ping").toCompletableFuture();

        assertThat(acks.get(1, TimeUnit.SECONDS)).isEmpty();
        assertThat(seen).isEmpty();
        assertThatThrownBy(() -> h.io.serverSideEmit("connection"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverSideEmitWithACallbackGetsNoResponseWithTheInMemoryAdapter() {
        List<String> seen = new ArrayList<>();

        h.io.serverSideEmit(
                "ping", (error, responses) -> seen.add(error + " " + responses.size()), "data");
        h.io.of("/orders")
                .serverSideEmit("ping", (error, responses) -> seen.add("orders " + responses));

        assertThat(seen).containsExactly("null 0", "orders []");
    }

    @Test
    void socketDataHoldsSeveralAttributesBesidesTheTypedView() {
        FakeEngineSocket conn = h.open();
        AtomicReference<Socket> socket = new AtomicReference<>();
        h.io.onConnection(socket::set);
        conn.receive("0");
        Socket s = socket.get();

        assertThat(s.data("user", String.class)).isEmpty();
        s.data("user", "ann").data("visits", 3);
        assertThat(s.data("user", String.class)).contains("ann");
        assertThat(s.data("visits", Long.class)).contains(3L);
        assertThat(s.data(Map.class)).contains(Map.of("user", "ann", "visits", 3));
        s.removeData("user");
        assertThat(s.data("user", String.class)).isEmpty();
        assertThat(s.data("visits", Integer.class)).contains(3);

        s.data(new Profile("bob", 7));
        assertThat(s.data("name", String.class)).contains("bob");
        s.data("admin", true);
        assertThat(s.data("admin", Boolean.class)).contains(true);
        assertThat(s.data(Profile.class)).contains(new Profile("bob", 7));

        s.data("plain text");
        assertThat(s.data("name", String.class)).isEmpty();
        assertThatThrownBy(() -> s.data("name", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    public record Profile(String name, int level) {}

    @Test
    void everyStringTypedListenerRegistrationAcceptsEveryName() {
        // Node's on(name) takes sockets, namespaces or server-side events by name; here each kind
        // has a typed method, and the one taking a name accepts every name
        for (Class<?> type : List.of(Server.class, Namespace.class)) {
            assertThat(
                            Arrays.stream(type.getMethods())
                                    .filter(m -> m.getParameterCount() == 2)
                                    .filter(m -> m.getParameterTypes()[0] == String.class)
                                    .filter(m -> m.getParameterTypes()[1].isInterface())
                                    .filter(m -> m.getName().startsWith("on"))
                                    .map(
                                            m ->
                                                    m.getName()
                                                            + "("
                                                            + m.getParameterTypes()[1]
                                                                    .getSimpleName()
                                                            + ")")
                                    .distinct())
                    .as(type.getSimpleName())
                    .containsExactly("onServerSideEmit(EventListener)");
        }
        for (String reserved : List.of("connect", "connection", "new_namespace", "disconnect")) {
            h.io.onServerSideEmit(reserved, (args, ack) -> {});
            h.io.of("/orders").onServerSideEmit(reserved, (args, ack) -> {});
        }
    }

    @Test
    void namespaceSocketsIsASnapshotOfTheConnectedSockets() {
        h.connected();
        h.connected();

        assertThat(h.io.sockets().sockets()).hasSize(2);
        assertThat(h.io.sockets().sockets().values()).allMatch(Socket::connected);
    }

    @Test
    void theConnectTimeoutIsConfigurable() {
        h.io.connectTimeout(Duration.ofSeconds(3));
        FakeEngineSocket conn = h.open();

        h.advance(Duration.ofSeconds(3));

        assertThat(conn.isOpen()).isFalse();
        assertThat(h.io.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
    }
}
