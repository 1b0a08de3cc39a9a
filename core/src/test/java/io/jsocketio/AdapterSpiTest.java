package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.internal.json.JsonMapping;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.AdapterFactory;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import jakarta.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a cluster adapter relies on: the context's remote sockets and server-side delivery. */
class AdapterSpiTest {
    private final Map<String, AdapterContext> contexts =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final SioHarness h =
            SioHarness.create(
                    b ->
                            b.adapter(
                                    ctx -> {
                                        contexts.put(ctx.name(), ctx);
                                        return AdapterFactory.inMemory().create(ctx);
                                    }));
    private final List<Socket> sockets = new ArrayList<>();

    AdapterSpiTest() {
        h.io.onConnection(sockets::add);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theContextDescribesItsNamespace() {
        h.connected();
        AdapterContext ctx = contexts.get("/");

        assertThat(ctx.name()).isEqualTo("/");
        assertThat(ctx.namespace()).isSameAs(h.io.sockets());
        assertThat(ctx.sockets()).extracting(s -> s.id()).containsExactly(sockets.get(0).id());
        assertThat(ctx.socket(sockets.get(0).id())).isPresent();
        assertThat(ctx.socket("nobody")).isEmpty();
        assertThat(ctx.nextAckId()).isNotEqualTo(ctx.nextAckId());
    }

    @Test
    void aRemoteSocketViewActsThroughTheAdapter() throws Exception {
        FakeEngineSocket conn = h.connected();
        Socket local = sockets.get(0);
        AdapterContext ctx = contexts.get("/");
        RemoteSocket remote =
                ctx.remoteSocket(
                        h.io.sockets().adapter(),
                        local.id(),
                        local.handshake(),
                        Set.of(local.id()),
                        Json.createObjectBuilder().add("user", "ann").build());

        remote.emit("hello", 1);
        remote.join("r");
        CompletableFuture<Args> ack =
                remote.timeout(Duration.ofSeconds(1)).emitWithAck("q").toCompletableFuture();
        String q = conn.lastText();
        conn.receive("3" + q.substring(1, q.indexOf('[')) + "[\"a\"]");
        remote.leave("r");
        remote.disconnect();

        assertThat(conn.texts().get(0)).isEqualTo("2[\"hello\",1]");
        assertThat(ack.get().getString(0)).isEqualTo("a");
        assertThat(remote.data(User.class)).contains(new User("ann"));
        assertThat(conn.lastText()).isEqualTo("1");
        assertThat(local.connected()).isFalse();
    }

    public record User(String user) {}

    @Test
    void deliversServerSideEventsFromOtherServersToTheListeners() {
        h.connected();
        List<String> seen = new ArrayList<>();
        List<SocketPacket> replies = new ArrayList<>();
        h.io.onServerSideEmit(
                "ping",
                (args, ack) -> {
                    seen.add(args.getString(0));
                    ack.send("pong");
                    ack.send("again");
                });
        SocketPacket packet = JsonMapping.eventPayload("ping", "from-b").event("/", 3L);

        contexts.get("/").onServerSideEmit(packet, replies::add);

        assertThat(seen).containsExactly("from-b");
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).data().toString()).isEqualTo("[\"pong\"]");
        assertThat(replies.get(0).id()).isEqualTo(3L);
    }

    @Test
    void exposesTheEngineSessionAndItsRequest() {
        FakeEngineSocket conn = h.connected();
        Socket s = sockets.get(0);

        assertThat(s.conn()).isSameAs(conn);
        assertThat(s.request().url()).isEqualTo("/socket.io/?EIO=4&transport=websocket");
        assertThat(s.id()).isNotEqualTo(conn.id());
        assertThat(s.nsp()).isSameAs(h.io.sockets());
    }
}
