package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.engine.CorsOptions;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.engine.OriginPolicy;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.engine.testing.FakePollingExchange;
import io.jsocketio.engine.testing.FakeWebSocketPeer;
import io.jsocketio.engine.testing.ManualScheduler;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server: options, attaching, binding an engine, closing. */
class ServerTest {

    @Test
    void optionsHaveTheNodeServersDefaults() {
        ServerOptions o = ServerOptions.defaults();

        assertThat(o.path()).isEqualTo("/socket.io/");
        assertThat(o.serveClient()).isTrue();
        assertThat(o.adapter()).isNull();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(o.cleanupEmptyChildNamespaces()).isFalse();
        assertThat(o.cors()).isNull();
        assertThat(o.origins()).isNull();
        assertThat(o.host()).isEqualTo("0.0.0.0");
        EngineOptions e = o.engineOptions();
        assertThat(e.path()).isEqualTo("/socket.io/");
        assertThat(e.pingInterval()).isEqualTo(Duration.ofSeconds(25));
        assertThat(e.pingTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(e.maxHttpBufferSize()).isEqualTo(1_000_000);
        assertThat(e.allowEIO3()).isFalse();
    }

    @Test
    void buildValidatesAndNamesTheOption() {
        assertThatThrownBy(() -> ServerOptions.builder().connectTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> ServerOptions.builder().pingInterval(Duration.ZERO).build())
                .hasMessageContaining("pingInterval");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        ServerOptions o =
                ServerOptions.builder()
                        .path("chat")
                        .serveClient(false)
                        .connectTimeout(Duration.ofSeconds(1))
                        .cleanupEmptyChildNamespaces(true)
                        .host("127.0.0.1")
                        .pingInterval(Duration.ofMillis(300))
                        .allowEIO3(true)
                        .build();

        ServerOptions copy = o.toBuilder().build();

        assertThat(copy.path()).isEqualTo("/chat/");
        assertThat(copy.serveClient()).isFalse();
        assertThat(copy.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(copy.cleanupEmptyChildNamespaces()).isTrue();
        assertThat(copy.host()).isEqualTo("127.0.0.1");
        assertThat(copy.engineOptions().pingInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(copy.engineOptions().allowEIO3()).isTrue();
        assertThat(copy.engineOptions().path()).isEqualTo("/chat/");
    }

    @Test
    void engineOptionsKeepTheServersPath() {
        ServerOptions o =
                ServerOptions.builder()
                        .engine(EngineOptions.builder().pingTimeout(Duration.ofSeconds(1)).build())
                        .build();

        assertThat(o.path()).isEqualTo("/socket.io/");
        assertThat(o.engineOptions().pingTimeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theOriginsOptionDecidesThroughTheCorsPolicy() {
        FakeEngineRequest req = FakeEngineRequest.get("/socket.io/");
        ServerOptions only = ServerOptions.builder().origins(List.of("a.example:*")).build();
        ServerOptions both =
                ServerOptions.builder()
                        .origins(List.of("*:443"))
                        .cors(CorsOptions.of(OriginPolicy.allowList(List.of("https://a.example"))))
                        .build();

        OriginPolicy p1 = only.engineOptions().originPolicy();
        OriginPolicy p2 = both.engineOptions().originPolicy();

        assertThat(p1.allows("https://a.example", req)).isTrue();
        assertThat(p1.allows("https://b.example", req)).isFalse();
        assertThat(p2.allows("https://a.example", req)).isTrue();
        assertThat(p2.allows("http://a.example", req)).isFalse();
    }

    @Test
    void settersChangeTheOptionsForTheNextAttach() {
        Server io = new Server();

        assertThat(io.origins()).isEmpty();
        io.path("/chat").serveClient(false).connectTimeout(Duration.ofSeconds(2));
        io.origins(List.of("*:*"));

        assertThat(io.path()).isEqualTo("/chat/");
        assertThat(io.serveClient()).isFalse();
        assertThat(io.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(io.origins()).isPresent();
        io.origins(OriginPolicy.any());
        assertThat(io.origins()).contains(OriginPolicy.any());
        io.connectTimeout(1500);
        assertThat(io.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        io.close();
    }

    @Test
    void takesMillisecondsWhereNodeDoes() {
        ServerOptions o =
                ServerOptions.builder()
                        .pingInterval(1000)
                        .pingTimeout(2000)
                        .upgradeTimeout(3000)
                        .connectTimeout(4000)
                        .build();

        assertThat(o.engineOptions().pingInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(o.engineOptions().pingTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.engineOptions().upgradeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(new ConnectionStateRecovery(60_000, true).maxDisconnectionDuration())
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aStringIsNeverAPort() {
        Server io = new Server();

        assertThatThrownBy(() -> io.attach((Object) "3000"))
                .isInstanceOf(IllegalArgumentException.class);
        io.close();
    }

    @Test
    void aNewAdapterFactoryReplacesEveryNamespacesAdapter() {
        Server io = new Server();
        Adapter before = io.sockets().adapter();
        List<String> made = new ArrayList<>();
        AdapterFactory counting =
                ctx -> {
                    made.add(ctx.name());
                    return AdapterFactory.inMemory().create(ctx);
                };

        io.adapter(counting);
        io.of("/x");

        assertThat(io.sockets().adapter()).isNotSameAs(before);
        assertThat(made).containsExactly("/", "/x");
        assertThat(io.adapter()).isSameAs(counting);
        io.close();
    }

    @Test
    void theEngineIsUnavailableBeforeAttaching() {
        Server io = new Server();

        assertThatThrownBy(io::engine).isInstanceOf(IllegalStateException.class);
        assertThat(io.port()).isEmpty();
        io.close();
    }

    @Test
    void attachingToAnUnknownObjectNamesTheTransportModules() {
        Server io = new Server();

        assertThatThrownBy(() -> io.attach(new Object()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jsocketio-servlet-transport");
        io.close();
    }

    @Test
    void listeningWithoutAnEmbeddedServerNamesTheModule() {
        Server io = new Server(ServerOptions.builder().host("127.0.0.1").build());

        assertThatThrownBy(() -> io.listen(0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jsocketio-embedded-jetty");
        assertThatThrownBy(io::engine).isInstanceOf(IllegalStateException.class);
        io.close();
    }

    @Test
    void bindsOnlyOneEngine() {
        Server io = new Server();
        EngineServer engine = EngineServer.create(ServerOptions.defaults().engineOptions());
        io.bind(engine);

        assertThatThrownBy(() -> io.bind(engine)).isInstanceOf(IllegalStateException.class);
        assertThat(io.engine()).isSameAs(engine);
        io.close();
    }

    @Test
    void speaksSocketIoOverTheRealEngineByPolling() {
        ManualScheduler scheduler = new ManualScheduler();
        Server io =
                new Server(
                        ServerOptions.builder()
                                .executor(Runnable::run)
                                .scheduler(scheduler)
                                .build());
        io.bind(
                EngineServer.create(
                        io.options().engineOptions().toBuilder()
                                .executor(Runnable::run)
                                .scheduler(scheduler)
                                .build()));
        io.onConnection(s -> s.emit("auth", s.handshake().auth()));

        FakePollingExchange open =
                handle(io, FakePollingExchange.get("/socket.io/?EIO=4&transport=polling"));
        String sid = open.body().replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
        FakePollingExchange post =
                handle(
                        io,
                        FakePollingExchange.post(
                                "/socket.io/?EIO=4&transport=polling&sid=" + sid, "40"));
        FakePollingExchange poll =
                handle(
                        io,
                        FakePollingExchange.get("/socket.io/?EIO=4&transport=polling&sid=" + sid));

        assertThat(open.body()).startsWith("0{\"sid\":");
        assertThat(post.body()).isEqualTo("ok");
        String[] packets = poll.body().split("\u001e");
        assertThat(packets[0]).matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"\\}");
        assertThat(packets[0]).doesNotContain(sid);
        assertThat(packets[1]).isEqualTo("42[\"auth\",{}]");
        io.close();
        assertThat(
                        handle(
                                        io,
                                        FakePollingExchange.get(
                                                "/socket.io/?EIO=4&transport=polling&sid=" + sid))
                                .status())
                .isIn(400, 503);
    }

    private static FakePollingExchange handle(Server io, FakePollingExchange ex) {
        io.engine().handleRequest(ex);
        return ex;
    }

    @Test
    void speaksSocketIoOverTheRealEngineByWebSocketOnRealThreads() throws Exception {
        Server io = new Server();
        io.bind(EngineServer.create(io.options().engineOptions()));
        CountDownLatch disconnected = new CountDownLatch(1);
        List<String> reasons = new ArrayList<>();
        io.onConnection(
                s -> {
                    s.on("message", (args, ack) -> s.emit("message-back", args.toList().toArray()));
                    s.onDisconnect(
                            (r, d) -> {
                                reasons.add(r.wire());
                                disconnected.countDown();
                            });
                });

        FakeWebSocketPeer ws =
                FakeWebSocketPeer.to("/socket.io/?EIO=4&transport=websocket").open(io.engine());
        ws.awaitFrames(1, Duration.ofSeconds(5));
        ws.receive("40");
        ws.awaitFrames(2, Duration.ofSeconds(5));
        ws.receive(
                "452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        ws.receive(new byte[] {1, 2, 3});
        ws.receive(new byte[] {4, 5, 6});
        List<FakeWebSocketPeer.Frame> frames = ws.awaitFrames(5, Duration.ofSeconds(5));
        io.close();

        assertThat(frames.get(1).text()).startsWith("40{\"sid\":");
        assertThat(frames.get(2).text())
                .isEqualTo(
                        "452-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        assertThat(frames.get(3).binary()).containsExactly(1, 2, 3);
        assertThat(frames.get(4).binary()).containsExactly(4, 5, 6);
        assertThat(disconnected.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(reasons).containsExactly("server shutting down");
        ws.awaitClose(Duration.ofSeconds(5));
    }

    @Test
    void closeIsIdempotentAndCallsEveryCallback() throws Exception {
        Server io = new Server();
        CountDownLatch called = new CountDownLatch(2);

        io.close(e -> called.countDown());
        io.close(e -> called.countDown());
        io.close();

        assertThat(called.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
