package io.jsocketio.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.internal.json.JsonMapping;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SocketPacketEncoderTest {

    private static SocketPacket packet(
            SocketPacketType type, String nsp, @Nullable Long id, @Nullable String json) {
        JsonValue data = json == null ? null : JsonText.parse(json);
        return SocketPacket.of(type, nsp, id, data);
    }

    /** Text packets: the examples of socket.io-protocol v5-current.md, v4.md and CONFORMANCE §3. */
    static Stream<Arguments> textPackets() {
        return Stream.of(
                // v5 spec, "Packet encoding / Examples"
                Arguments.of(packet(SocketPacketType.CONNECT, "/", null, null), "0"),
                Arguments.of(
                        packet(
                                SocketPacketType.CONNECT,
                                "/admin",
                                null,
                                "{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}"),
                        "0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}"),
                Arguments.of(
                        packet(
                                SocketPacketType.CONNECT_ERROR,
                                "/",
                                null,
                                "{\"message\":\"Not authorized\"}"),
                        "4{\"message\":\"Not authorized\"}"),
                Arguments.of(packet(SocketPacketType.EVENT, "/", null, "[\"foo\"]"), "2[\"foo\"]"),
                Arguments.of(
                        packet(SocketPacketType.EVENT, "/admin", null, "[\"bar\"]"),
                        "2/admin,[\"bar\"]"),
                Arguments.of(packet(SocketPacketType.EVENT, "/", 12L, "[\"foo\"]"), "212[\"foo\"]"),
                Arguments.of(
                        packet(SocketPacketType.ACK, "/admin", 13L, "[\"bar\"]"),
                        "3/admin,13[\"bar\"]"),
                Arguments.of(packet(SocketPacketType.DISCONNECT, "/", null, null), "1"),
                Arguments.of(packet(SocketPacketType.DISCONNECT, "/admin", null, null), "1/admin,"),
                // v4 spec examples (same encoding)
                Arguments.of(packet(SocketPacketType.CONNECT, "/admin", null, null), "0/admin,"),
                Arguments.of(
                        packet(SocketPacketType.EVENT, "/", null, "[\"hello\",1]"),
                        "2[\"hello\",1]"),
                Arguments.of(
                        packet(SocketPacketType.EVENT, "/admin", 456L, "[\"project:delete\",123]"),
                        "2/admin,456[\"project:delete\",123]"),
                Arguments.of(packet(SocketPacketType.ACK, "/admin", 456L, "[]"), "3/admin,456[]"),
                Arguments.of(
                        packet(
                                SocketPacketType.CONNECT_ERROR,
                                "/admin",
                                null,
                                "\"Not authorized\""),
                        "4/admin,\"Not authorized\""),
                // CONFORMANCE §3
                Arguments.of(
                        packet(
                                SocketPacketType.EVENT,
                                "/",
                                null,
                                "[\"message-back\",1,\"2\",{\"3\":[true]}]"),
                        "2[\"message-back\",1,\"2\",{\"3\":[true]}]"),
                Arguments.of(
                        packet(SocketPacketType.ACK, "/", 456L, "[1,\"2\",{\"3\":[false]}]"),
                        "3456[1,\"2\",{\"3\":[false]}]"),
                Arguments.of(
                        packet(
                                SocketPacketType.CONNECT_ERROR,
                                "/random",
                                null,
                                "{\"message\":\"Invalid namespace\"}"),
                        "4/random,{\"message\":\"Invalid namespace\"}"),
                Arguments.of(
                        packet(SocketPacketType.EVENT, "/custom", null, "[\"auth\",{}]"),
                        "2/custom,[\"auth\",{}]"),
                // ack id 0 is written
                Arguments.of(packet(SocketPacketType.ACK, "/", 0L, "[]"), "30[]"),
                // compact JSON with key order and exact numbers kept
                Arguments.of(
                        packet(
                                SocketPacketType.EVENT,
                                "/",
                                null,
                                "[ \"e\" , { \"z\" : 1 , \"a\" : 1.5 , \"m\" : 12345678901234567890 } ]"),
                        "2[\"e\",{\"z\":1,\"a\":1.5,\"m\":12345678901234567890}]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("textPackets")
    void encodesTextPacketsAsTheSpecWritesThem(SocketPacket packet, String wire) {
        assertThat(SocketPacketEncoder.encode(packet)).containsExactly(EngineMessage.text(wire));
        assertThat(SocketPacketEncoder.encode(packet, ProtocolVersion.V4))
                .containsExactly(EngineMessage.text(wire));
    }

    @Test
    void encodesABinaryEventAsTextWithPlaceholdersThenOneBinaryMessagePerAttachment() {
        SocketPacket packet =
                JsonMapping.toPayload("baz", new byte[] {1, 2, 3, 4}).event("/", null);

        assertThat(SocketPacketEncoder.encode(packet))
                .containsExactly(
                        EngineMessage.text("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]"),
                        EngineMessage.binary(new byte[] {1, 2, 3, 4}));
    }

    @Test
    void encodesMultipleAttachmentsWithANamespace() {
        SocketPacket packet =
                JsonMapping.toPayload("baz", new byte[] {1, 2}, new byte[] {3, 4})
                        .event("/admin", null);

        assertThat(SocketPacketEncoder.encode(packet))
                .containsExactly(
                        EngineMessage.text(
                                "52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},"
                                        + "{\"_placeholder\":true,\"num\":1}]"),
                        EngineMessage.binary(new byte[] {1, 2}),
                        EngineMessage.binary(new byte[] {3, 4}));
    }

    @Test
    void encodesABinaryAckWithItsId() {
        SocketPacket v5 = JsonMapping.toPayload("bar", new byte[] {1, 2, 3, 4}).ack("/", 15);
        SocketPacket v4 = JsonMapping.toPayload(new byte[] {3, 2, 1}).ack("/admin", 456);
        SocketPacket session = JsonMapping.toPayload(new byte[] {9}).ack("/admin", 1);

        assertThat(SocketPacketEncoder.encode(v5).get(0).text())
                .isEqualTo("61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(SocketPacketEncoder.encode(v4).get(0).text())
                .isEqualTo("61-/admin,456[{\"_placeholder\":true,\"num\":0}]");
        assertThat(SocketPacketEncoder.encode(session).get(0).text())
                .isEqualTo("61-/admin,1[{\"_placeholder\":true,\"num\":0}]");
    }

    @Test
    void encodesTheConformanceBinaryEchoAndBinaryAck() {
        byte[] a = {1, 2, 3};
        byte[] b = {4, 5, 6};
        List<EngineMessage> event =
                SocketPacketEncoder.encode(
                        JsonMapping.eventPayload("message-back", a, b).event("/", null));
        List<EngineMessage> ack =
                SocketPacketEncoder.encode(JsonMapping.toPayload(a, b).ack("/", 789));

        assertThat(event)
                .containsExactly(
                        EngineMessage.text(
                                "52-[\"message-back\",{\"_placeholder\":true,\"num\":0},"
                                        + "{\"_placeholder\":true,\"num\":1}]"),
                        EngineMessage.binary(a),
                        EngineMessage.binary(b));
        assertThat(ack)
                .containsExactly(
                        EngineMessage.text(
                                "62-789[{\"_placeholder\":true,\"num\":0},"
                                        + "{\"_placeholder\":true,\"num\":1}]"),
                        EngineMessage.binary(a),
                        EngineMessage.binary(b));
        assertThat(ack.get(1).binary()).isSameAs(a);
    }

    @Test
    void choosesTheBinaryTypeFromTheAttachments() {
        SocketPacket namedBinaryWithoutAttachments =
                packet(SocketPacketType.BINARY_EVENT, "/", null, "[\"x\"]");
        SocketPacket namedPlainWithAttachments =
                new SocketPacket(
                        SocketPacketType.ACK,
                        "/",
                        3L,
                        JsonText.parse("[{\"_placeholder\":true,\"num\":0}]"),
                        List.of(new byte[] {7}));

        assertThat(SocketPacketEncoder.encodeText(namedBinaryWithoutAttachments))
                .isEqualTo("2[\"x\"]");
        assertThat(SocketPacketEncoder.encodeText(namedPlainWithAttachments))
                .isEqualTo("61-3[{\"_placeholder\":true,\"num\":0}]");
    }

    @Test
    void buildsConnectAnswersPerProtocolRevision() {
        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connect(
                                        "/", "wZX3oN0bSVIhsaknAAAI", ProtocolVersion.V5)))
                .isEqualTo("0{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}");
        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connect("/admin", "abc", ProtocolVersion.V5)))
                .isEqualTo("0/admin,{\"sid\":\"abc\"}");
        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connect("/admin", "abc", ProtocolVersion.V4)))
                .isEqualTo("0/admin,");
        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connect("/", "abc", ProtocolVersion.V4)))
                .isEqualTo("0");
    }

    @Test
    void buildsConnectErrorsPerProtocolRevision() {
        JsonValue data = JsonText.parse("{\"content\":\"Please retry later\"}");

        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connectError(
                                        "/random", "Invalid namespace", null, ProtocolVersion.V5)))
                .isEqualTo("4/random,{\"message\":\"Invalid namespace\"}");
        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connectError(
                                        "/", "not authorized", data, ProtocolVersion.V5)))
                .isEqualTo(
                        "4{\"message\":\"not authorized\",\"data\":{\"content\":\"Please retry later\"}}");
        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connectError(
                                        "/admin", "Not authorized", null, ProtocolVersion.V4)))
                .isEqualTo("4/admin,\"Not authorized\"");
        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connectError(
                                        "/admin", "Not authorized", data, ProtocolVersion.V4)))
                .isEqualTo("4/admin,{\"content\":\"Please retry later\"}");
        assertThat(
                        SocketPacketEncoder.encodeText(
                                SocketPacket.connectError(
                                        "/admin",
                                        "Not authorized",
                                        JsonValue.FALSE,
                                        ProtocolVersion.V4)))
                .isEqualTo("4/admin,\"Not authorized\"");
    }

    @Test
    void escapesStringsAsJsonStringifyDoes() {
        SocketPacket packet =
                SocketPacket.of(
                        SocketPacketType.EVENT,
                        "/",
                        null,
                        JsonMapping.toPayload("e", "q\"b\\n\n\t\u0001\u007f/\u2028é😀\ud800x")
                                .data());

        assertThat(SocketPacketEncoder.encodeText(packet))
                .isEqualTo("2[\"e\",\"q\\\"b\\\\n\\n\\t\\u0001\u007f/\u2028é😀\\ud800x\"]");
    }

    @Test
    void refusesNamespacesItCannotWrite() {
        assertThatThrownBy(
                        () ->
                                SocketPacketEncoder.encode(
                                        packet(SocketPacketType.EVENT, "/a,b", null, "[\"x\"]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comma");
        assertThatThrownBy(
                        () ->
                                SocketPacketEncoder.encode(
                                        packet(SocketPacketType.EVENT, "admin", null, "[\"x\"]")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAttachmentsOnPacketsThatCannotCarryThem() {
        SocketPacket connect =
                new SocketPacket(
                        SocketPacketType.CONNECT, "/", null, null, List.of(new byte[] {1}));

        assertThatThrownBy(() -> SocketPacketEncoder.encode(connect))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeAckIds() {
        assertThatThrownBy(
                        () ->
                                SocketPacketEncoder.encode(
                                        packet(SocketPacketType.ACK, "/", -1L, "[]")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
