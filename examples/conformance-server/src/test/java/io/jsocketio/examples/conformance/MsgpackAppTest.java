package io.jsocketio.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.msgpack.MsgpackParser;
import io.jsocketio.parser.PacketDecoder;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CONFORMANCE.md section 7 against {@link MsgpackApp}: every packet one MessagePack binary message
 * (written and read here with {@link MsgpackParser}), binary values inline.
 */
class MsgpackAppTest {
    private static final byte[] PIC = {1, 2, (byte) 0xff};
    private static final MsgpackParser PARSER = MsgpackParser.create();

    private final SioHarness h = SioHarness.create(b -> b.parser(PARSER));

    MsgpackAppTest() {
        MsgpackApp.install(h.io);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    private static void send(FakeEngineSocket conn, SocketPacket packet) {
        List<EngineMessage> messages = PARSER.encode(packet);
        assertThat(messages).hasSize(1);
        conn.receive(messages.get(0).binary());
    }

    private static void event(FakeEngineSocket conn, @Nullable Long id, String data) {
        List<byte[]> bins = data.contains("_placeholder") ? List.of(PIC) : List.of();
        send(conn, new SocketPacket(SocketPacketType.EVENT, "/", id, json(data), bins));
    }

    /** Everything the server sent, each message decoded alone (none is a text message). */
    private static List<SocketPacket> received(FakeEngineSocket conn) {
        PacketDecoder decoder = PARSER.newDecoder();
        return conn.messages().stream().map(decoder::add).toList();
    }

    private static String describe(SocketPacket p) {
        return p.type() + " " + p.id() + " " + p.data() + " " + p.attachments().size();
    }

    @Test
    void connectsEchoesJoinsAndBroadcastsWithBinaryInline() {
        FakeEngineSocket conn = h.open();
        send(conn, SocketPacket.of(SocketPacketType.CONNECT, "/", null, null));
        List<SocketPacket> connected = received(conn);
        assertThat(connected).hasSize(1);
        assertThat(connected.get(0).type()).isEqualTo(SocketPacketType.CONNECT);
        assertThat(connected.get(0).data().asJsonObject().keySet()).containsExactly("sid");
        conn.clearSent();

        String binaryData = "{\"pic\":{\"_placeholder\":true,\"num\":0},\"n\":1}";
        event(conn, null, "[\"echo\"," + binaryData + "]");
        event(conn, 5L, "[\"echo\"," + binaryData + "]");
        event(conn, 6L, "[\"join\",\"room1\"]");
        event(conn, 7L, "[\"bcast\",\"room1\",[\"hi\",2.5]]");
        event(conn, null, "[\"bcast\",\"nobody\",1]");

        List<SocketPacket> out = received(conn);
        assertThat(out.stream().map(MsgpackAppTest::describe))
                .containsExactly(
                        "BINARY_EVENT null [\"echo\"," + binaryData + "] 1",
                        "BINARY_ACK 5 [" + binaryData + "] 1",
                        "ACK 6 [true] 0",
                        "EVENT null [\"bcast\",[\"hi\",2.5]] 0",
                        "ACK 7 [true] 0");
        assertThat(out.get(0).attachments().get(0)).containsExactly(PIC);
        assertThat(out.get(1).attachments().get(0)).containsExactly(PIC);
        assertThat(conn.messages()).allMatch(EngineMessage::isBinary);
    }
}
