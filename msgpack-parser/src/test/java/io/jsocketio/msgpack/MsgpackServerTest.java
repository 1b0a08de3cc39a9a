package io.jsocketio.msgpack;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.DisconnectReason;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.LogCapture;
import io.jsocketio.testing.SioHarness;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A server with {@code parser(MsgpackParser.create())}: its clients' packets in and out. */
class MsgpackServerTest {
    private static final MsgpackParser PARSER = MsgpackParser.create();
    private static final HexFormat HEX = HexFormat.of();

    private final SioHarness h = SioHarness.create(b -> b.parser(PARSER));
    private final List<Object> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        h.close();
    }

    private static void send(FakeEngineSocket conn, SocketPacket packet) {
        conn.receive(PARSER.encode(packet).get(0).binary());
    }

    private FakeEngineSocket connected() {
        FakeEngineSocket conn = h.open();
        send(conn, SocketPacket.of(SocketPacketType.CONNECT, "/", null, null));
        conn.clearSent();
        return conn;
    }

    @Test
    void handlersReadBinaryInsideObjectsAsByteArrays() {
        h.io.onConnection(
                socket ->
                        socket.on("up", (args, ack) -> seen.add(args.get(0, Map.class).get("f"))));
        FakeEngineSocket conn = connected();
        send(
                conn,
                new SocketPacket(
                        SocketPacketType.EVENT,
                        "/",
                        null,
                        Json.createReader(
                                        new StringReader(
                                                "[\"up\",{\"f\":{\"_placeholder\":true,\"num\":0}}]"))
                                .readValue(),
                        List.of(new byte[] {5, 6})));
        assertThat(seen).hasSize(1);
        assertThat((byte[]) seen.get(0)).containsExactly(5, 6);
    }

    @Test
    void aBroadcastIsEncodedOnceAsOneBinaryMessageForEveryRecipient() {
        FakeEngineSocket a = connected();
        FakeEngineSocket b = connected();

        h.io.emit("news", Map.of("pic", new byte[] {1}), 2);

        assertThat(a.messages()).hasSize(1);
        assertThat(b.messages()).hasSize(1);
        EngineMessage message = a.messages().get(0);
        assertThat(b.messages().get(0)).isSameAs(message);
        // {type:2, data:["news",{pic:<bin 01>},2], nsp:"/"}
        assertThat(HEX.formatHex(message.binary()))
                .isEqualTo("83a47479706502a46461746193a46e65777381a3706963c4010102a36e7370a12f");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "event with a map payload | 83a47479706502a46461746180a36e7370a12f",
                "event named disconnect | 83a47479706502a46461746191aa646973636f6e6e656374a36e7370a12f",
                "not msgpack | c1",
                "truncated | 83a4747970",
                "trailing bytes | 82a47479706501a36e7370a12fc0",
                "a huge declared map | 83a47479706502a464617461df7fffffff",
                "ack id -1 | 84a47479706503a46461746190a26964ffa36e7370a12f",
                "empty message | ''",
            })
    void anInvalidPacketClosesTheConnectionWithParseErrorAndLogsNoStackTrace(
            String name, String hex) {
        h.io.onConnection(socket -> socket.onDisconnect((reason, description) -> seen.add(reason)));
        FakeEngineSocket conn = connected();
        try (LogCapture log = LogCapture.start()) {
            conn.receive(HEX.parseHex(hex));

            assertThat(conn.isOpen()).isFalse();
            assertThat(seen).containsExactly(DisconnectReason.PARSE_ERROR);
            assertThat(log.withStackTrace()).isEmpty();
            assertThat(log.aboveDebug()).isEmpty();
        }
    }

    @Test
    void aTextMessageClosesTheConnectionBeforeAnyNamespace() {
        FakeEngineSocket conn = h.open();
        conn.receive("0");
        assertThat(conn.isOpen()).isFalse();
        assertThat(conn.messages()).isEmpty();
    }
}
