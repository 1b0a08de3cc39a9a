package io.jsocketio.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.PacketFormatException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SocketPacketDecoderTest {

    private final SocketPacketDecoder decoder = new SocketPacketDecoder();

    private static Arguments row(
            String wire,
            SocketPacketType type,
            String nsp,
            @Nullable Long id,
            @Nullable String json) {
        return Arguments.of(wire, type, nsp, id, json);
    }

    /**
     * Text packets (without the Engine.IO "4"): from socket.io-protocol v5-current.md, v4.md and
     * CONFORMANCE §3. The expected JSON is the compact re-encoding of the payload.
     */
    static Stream<Arguments> textPackets() {
        return Stream.of(
                row("0", SocketPacketType.CONNECT, "/", null, null),
                row("0/admin,", SocketPacketType.CONNECT, "/admin", null, null),
                row("0/custom", SocketPacketType.CONNECT, "/custom", null, null),
                row(
                        "0{\"token\":\"123\"}",
                        SocketPacketType.CONNECT,
                        "/",
                        null,
                        "{\"token\":\"123\"}"),
                row(
                        "0/custom,{\"token\":\"abc\"}",
                        SocketPacketType.CONNECT,
                        "/custom",
                        null,
                        "{\"token\":\"abc\"}"),
                row(
                        "0/admin?token=1234&uid=abcd,",
                        SocketPacketType.CONNECT,
                        "/admin?token=1234&uid=abcd",
                        null,
                        null),
                // Node reads an id on any packet type (and the server ignores it on CONNECT)
                row("0/admin,1", SocketPacketType.CONNECT, "/admin", 1L, null),
                row("1", SocketPacketType.DISCONNECT, "/", null, null),
                row("1/admin,", SocketPacketType.DISCONNECT, "/admin", null, null),
                row("1/custom", SocketPacketType.DISCONNECT, "/custom", null, null),
                row("2[\"foo\"]", SocketPacketType.EVENT, "/", null, "[\"foo\"]"),
                row("2/admin,[\"bar\"]", SocketPacketType.EVENT, "/admin", null, "[\"bar\"]"),
                row("212[\"foo\"]", SocketPacketType.EVENT, "/", 12L, "[\"foo\"]"),
                row("3/admin,13[\"bar\"]", SocketPacketType.ACK, "/admin", 13L, "[\"bar\"]"),
                row("3/admin,456[]", SocketPacketType.ACK, "/admin", 456L, "[]"),
                row("30[]", SocketPacketType.ACK, "/", 0L, "[]"),
                row("35", SocketPacketType.ACK, "/", 5L, null),
                row(
                        "4{\"message\":\"Not authorized\"}",
                        SocketPacketType.CONNECT_ERROR,
                        "/",
                        null,
                        "{\"message\":\"Not authorized\"}"),
                row(
                        "4/admin,\"Not authorized\"",
                        SocketPacketType.CONNECT_ERROR,
                        "/admin",
                        null,
                        "\"Not authorized\""),
                row(
                        "2[\"message\",1,\"2\",{\"3\":[true]}]",
                        SocketPacketType.EVENT,
                        "/",
                        null,
                        "[\"message\",1,\"2\",{\"3\":[true]}]"),
                row(
                        "2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]",
                        SocketPacketType.EVENT,
                        "/",
                        456L,
                        "[\"message-with-ack\",1,\"2\",{\"3\":[false]}]"),
                row(
                        "2/admin,456[\"project:delete\",123]",
                        SocketPacketType.EVENT,
                        "/admin",
                        456L,
                        "[\"project:delete\",123]"),
                // numeric event names are accepted, as Node's parser does
                row("2[1,2]", SocketPacketType.EVENT, "/", null, "[1,2]"),
                // whitespace around the JSON, as JSON.parse allows
                row("2[ \"a\" , 1 ]\n", SocketPacketType.EVENT, "/", null, "[\"a\",1]"),
                // a placeholder-looking object in a plain EVENT is just an object
                row(
                        "2[\"x\",{\"_placeholder\":true,\"num\":5}]",
                        SocketPacketType.EVENT,
                        "/",
                        null,
                        "[\"x\",{\"_placeholder\":true,\"num\":5}]"),
                row(
                        "2[\"n\",1,1.0,1.5,-0.25,12345678901234567890,1e3,{\"b\":1,\"a\":2}]",
                        SocketPacketType.EVENT,
                        "/",
                        null,
                        "[\"n\",1,1.0,1.5,-0.25,12345678901234567890,1000,{\"b\":1,\"a\":2}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textPackets")
    void decodesTextPacketsAsTheSpecDefinesThem(
            String wire,
            SocketPacketType type,
            String nsp,
            @Nullable Long id,
            @Nullable String json) {
        SocketPacket packet = decoder.add(EngineMessage.text(wire));

        assertThat(packet).isNotNull();
        assertThat(packet.type()).isEqualTo(type);
        assertThat(packet.namespace()).isEqualTo(nsp);
        assertThat(packet.id()).isEqualTo(id);
        assertThat(packet.data() == null ? null : JsonText.write(packet.data())).isEqualTo(json);
        assertThat(packet.attachments()).isEmpty();
        assertThat(decoder.isReconstructing()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textPackets")
    void reEncodesDecodedPacketsToTheSameWireTextModuloWhitespaceAndNumberForms(
            String wire,
            SocketPacketType type,
            String nsp,
            @Nullable Long id,
            @Nullable String json) {
        SocketPacket packet = decoder.add(EngineMessage.text(wire));
        String again = SocketPacketEncoder.encodeText(packet);

        SocketPacket decodedAgain = decoder.add(EngineMessage.text(again));

        assertThat(decodedAgain.type()).isEqualTo(type);
        assertThat(decodedAgain.namespace()).isEqualTo(nsp);
        assertThat(decodedAgain.id()).isEqualTo(id);
        assertThat(SocketPacketEncoder.encodeText(decodedAgain)).isEqualTo(again);
        if (json != null) {
            assertThat(again).endsWith(json);
        }
    }

    @Test
    void reassemblesTheConformanceBinaryEventFromItsTwoAttachments() {
        byte[] first = {1, 2, 3};
        byte[] second = {4, 5, 6};

        assertThat(
                        decoder.add(
                                EngineMessage.text(
                                        "52-[\"message\",{\"_placeholder\":true,\"num\":0},"
                                                + "{\"_placeholder\":true,\"num\":1}]")))
                .isNull();
        assertThat(decoder.isReconstructing()).isTrue();
        assertThat(decoder.add(EngineMessage.binary(first))).isNull();
        SocketPacket packet = decoder.add(EngineMessage.binary(second));

        assertThat(packet).isNotNull();
        assertThat(packet.type()).isEqualTo(SocketPacketType.BINARY_EVENT);
        assertThat(packet.namespace()).isEqualTo("/");
        assertThat(packet.id()).isNull();
        assertThat(JsonText.write(packet.data()))
                .isEqualTo(
                        "[\"message\",{\"_placeholder\":true,\"num\":0},"
                                + "{\"_placeholder\":true,\"num\":1}]");
        assertThat(packet.attachments()).containsExactly(first, second);
        assertThat(decoder.isReconstructing()).isFalse();
        assertThat(SocketPacketEncoder.encode(packet))
                .containsExactly(
                        EngineMessage.text(
                                "52-[\"message\",{\"_placeholder\":true,\"num\":0},"
                                        + "{\"_placeholder\":true,\"num\":1}]"),
                        EngineMessage.binary(first),
                        EngineMessage.binary(second));
    }

    @Test
    void reassemblesABinaryAckWithNamespaceAndId() {
        assertThat(
                        decoder.add(
                                EngineMessage.text(
                                        "61-/admin,1[{\"_placeholder\":true,\"num\":0}]")))
                .isNull();
        SocketPacket packet = decoder.add(EngineMessage.binary(new byte[] {9}));

        assertThat(packet.type()).isEqualTo(SocketPacketType.BINARY_ACK);
        assertThat(packet.namespace()).isEqualTo("/admin");
        assertThat(packet.id()).isEqualTo(1L);
        assertThat(packet.attachments()).hasSize(1);
    }

    @Test
    void acceptsBinaryPacketsWithPlaceholdersNestedAnywhere() {
        decoder.add(
                EngineMessage.text(
                        "52-789[\"e\",{\"a\":[1,{\"b\":{\"_placeholder\":true,\"num\":1}}]},"
                                + "[{\"_placeholder\":true,\"num\":0}]]"));
        decoder.add(EngineMessage.binary(new byte[] {1}));
        SocketPacket packet = decoder.add(EngineMessage.binary(new byte[] {2}));

        assertThat(packet).isNotNull();
        assertThat(packet.id()).isEqualTo(789L);
    }

    @Test
    void decodesPacketAfterPacketOnOneConnection() {
        assertThat(decoder.add(EngineMessage.text("0")).type()).isEqualTo(SocketPacketType.CONNECT);
        decoder.add(EngineMessage.text("51-[\"a\",{\"_placeholder\":true,\"num\":0}]"));
        assertThat(decoder.add(EngineMessage.binary(new byte[0]))).isNotNull();
        assertThat(decoder.add(EngineMessage.text("2[\"b\"]")).data())
                .isEqualTo(JsonText.parse("[\"b\"]"));
    }

    /** Malformed packets: each must be refused (the connection is then closed). */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(
            strings = {
                // unknown type (CONFORMANCE §3 "4abc" is "abc" after the Engine.IO 4)
                "abc",
                "7",
                "9[\"x\"]",
                "",
                " 2[\"x\"]",
                // EVENT payload not a non-empty array with a string or number first
                "2{}",
                "2",
                "2[]",
                "2\"x\"",
                "2[{}]",
                "2[null]",
                "2[true,1]",
                "2[[\"x\"]]",
                // reserved event names (Node's parser refuses them)
                "2[\"connect\"]",
                "2[\"connect_error\"]",
                "2[\"disconnect\"]",
                "2[\"disconnecting\"]",
                "2[\"newListener\"]",
                "2[\"removeListener\"]",
                // ack id not a number (CONFORMANCE §3 "42abc[...]")
                "2abc[\"message\"]",
                "2/admin,x1[\"a\"]",
                "2-1[\"a\"]",
                "299999999999999999999[\"a\"]",
                // bad JSON
                "2[\"a\"",
                "2[\"a\",]",
                "2[\"a\"]xyz",
                "2[\"a\"][\"b\"]",
                "2[01]",
                "2['a']",
                // payload shape per type
                "0[]",
                "0\"x\"",
                "1{}",
                "1/admin,[]",
                "1[]",
                "3{}",
                "3\"x\"",
                "4",
                "4[]",
                "41",
                // namespace without the comma glues the payload into the name, then a bad id
                "2/admin[\"x\"]x",
                // BINARY_* attachment counts
                "5[\"a\"]",
                "5-[\"a\"]",
                "50-[\"a\"]",
                "5a-[\"a\"]",
                "5-1-[\"a\"]",
                "51[\"a\"]",
                "511-[\"a\"]",
                "5999999999999-[\"a\"]",
                "6-1[]",
                // BINARY_EVENT payload rules are those of EVENT
                "51-{}",
                "51-",
                "51-[\"disconnect\",{\"_placeholder\":true,\"num\":0}]",
                "61-{}"
            })
    void refusesMalformedPackets(String wire) {
        assertThatThrownBy(() -> decoder.add(EngineMessage.text(wire)))
                .isInstanceOf(PacketFormatException.class);
        assertThat(decoder.isReconstructing()).isFalse();
    }

    @Test
    void acceptsUpToTenAttachmentsByDefaultAndAConfiguredLimit() {
        assertThat(decoder.add(EngineMessage.text("510-[\"a\"]"))).isNull();
        decoder.reset();
        assertThatThrownBy(() -> decoder.add(EngineMessage.text("511-[\"a\"]")))
                .isInstanceOf(PacketFormatException.class)
                .hasMessage("too many attachments");

        SocketPacketDecoder strict = new SocketPacketDecoder(2);
        assertThatThrownBy(() -> strict.add(EngineMessage.text("53-[\"a\"]")))
                .isInstanceOf(PacketFormatException.class);
    }

    @Test
    void refusesABinaryMessageWhenNoBinaryPacketIsPending() {
        assertThatThrownBy(() -> decoder.add(EngineMessage.binary(new byte[] {1})))
                .isInstanceOf(PacketFormatException.class);

        decoder.add(EngineMessage.text("51-[\"a\",{\"_placeholder\":true,\"num\":0}]"));
        decoder.add(EngineMessage.binary(new byte[] {1}));
        assertThatThrownBy(() -> decoder.add(EngineMessage.binary(new byte[] {2})))
                .isInstanceOf(PacketFormatException.class);
    }

    @Test
    void refusesATextMessageWhileAttachmentsArePending() {
        decoder.add(EngineMessage.text("52-[\"a\",{\"_placeholder\":true,\"num\":0}]"));
        decoder.add(EngineMessage.binary(new byte[] {1}));

        assertThatThrownBy(() -> decoder.add(EngineMessage.text("2[\"b\"]")))
                .isInstanceOf(PacketFormatException.class);
        assertThat(decoder.isReconstructing()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "51-[\"a\",{\"_placeholder\":true,\"num\":1}]",
                "51-[\"a\",{\"_placeholder\":true,\"num\":-1}]",
                "51-[\"a\",{\"_placeholder\":true,\"num\":0.5}]",
                "51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]",
                "51-[\"a\",{\"_placeholder\":true}]",
                "51-[\"a\",{\"x\":[{\"_placeholder\":true,\"num\":3}]}]"
            })
    void refusesPlaceholdersThatPointOutsideTheAttachments(String wire) {
        decoder.add(EngineMessage.text(wire));

        assertThatThrownBy(() -> decoder.add(EngineMessage.binary(new byte[] {1})))
                .isInstanceOf(PacketFormatException.class)
                .hasMessage("illegal attachments");
        assertThat(decoder.isReconstructing()).isFalse();
    }

    @Test
    void resetDropsAPartlyReceivedPacket() {
        decoder.add(EngineMessage.text("52-[\"a\"]"));
        decoder.add(EngineMessage.binary(new byte[] {1}));

        decoder.reset();

        assertThat(decoder.isReconstructing()).isFalse();
        assertThat(decoder.add(EngineMessage.text("2[\"b\"]"))).isNotNull();
    }

    @Test
    void refusesAbsurdlyDeepJsonWithoutOverflowingTheStack() {
        String deep = "2[\"a\"," + "[".repeat(100_000) + "]".repeat(100_000) + "]";

        assertThatThrownBy(() -> decoder.add(EngineMessage.text(deep)))
                .isInstanceOf(PacketFormatException.class);
    }

    @Test
    void mapsTheEngineProtocolToTheSocketIoRevision() {
        assertThat(ProtocolVersion.forEngineProtocol(4)).isEqualTo(ProtocolVersion.V5);
        assertThat(ProtocolVersion.forEngineProtocol(3)).isEqualTo(ProtocolVersion.V4);
        assertThatThrownBy(() -> ProtocolVersion.forEngineProtocol(2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
