package io.jsocketio.engine.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.engine.EngineMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tables of Engine.IO v4 wire strings, written from docs/engine.io-protocol/v4-current.md. */
class EngineCodecTest {
    private static final String RS = "\u001e";

    private static Packet text(PacketType type, String data) {
        return Packet.of(type, data);
    }

    private static Packet bin(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Packet.message(EngineMessage.binary(b));
    }

    /** Wire string and the packet it stands for; each row is checked in both directions. */
    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of(
                        "0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],"
                                + "\"pingInterval\":25000,\"pingTimeout\":20000,"
                                + "\"maxPayload\":1000000}",
                        text(
                                PacketType.OPEN,
                                "{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],"
                                        + "\"pingInterval\":25000,\"pingTimeout\":20000,"
                                        + "\"maxPayload\":1000000}")),
                Arguments.of("1", Packet.of(PacketType.CLOSE)),
                Arguments.of("2", Packet.of(PacketType.PING)),
                Arguments.of("3", Packet.of(PacketType.PONG)),
                Arguments.of("2probe", text(PacketType.PING, "probe")),
                Arguments.of("3probe", text(PacketType.PONG, "probe")),
                Arguments.of("4hello", text(PacketType.MESSAGE, "hello")),
                Arguments.of("4", text(PacketType.MESSAGE, "")),
                Arguments.of("44", text(PacketType.MESSAGE, "4")),
                Arguments.of("4 ", text(PacketType.MESSAGE, " ")),
                Arguments.of("4€ и 😀", text(PacketType.MESSAGE, "€ и 😀")),
                Arguments.of("4b", text(PacketType.MESSAGE, "b")),
                Arguments.of("42[\"chat\",\"hi\"]", text(PacketType.MESSAGE, "2[\"chat\",\"hi\"]")),
                Arguments.of("5", Packet.of(PacketType.UPGRADE)),
                Arguments.of("6", Packet.of(PacketType.NOOP)),
                Arguments.of("bAQIDBA==", bin(1, 2, 3, 4)),
                Arguments.of("b", bin()),
                Arguments.of("b/w==", bin(0xff)),
                Arguments.of("bAAD+/w==", bin(0, 0, 0xfe, 0xff)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void decodesEachWirePacket(String wire, Packet expected) {
        assertThat(EngineCodec.decodePacket(wire)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void encodesEachPacketToItsWireForm(String wire, Packet packet) {
        assertThat(EngineCodec.encodePacket(packet)).isEqualTo(wire);
    }

    @Test
    void aTextMessageIsFramedOnceForEveryRecipientAndBothProtocolRevisions() {
        EngineMessage broadcast = EngineMessage.text("2[\"news\",1]");

        String first = EngineCodec.encodePacket(Packet.message(broadcast));
        String second = EngineCodec.encodePacket(Packet.message(broadcast));
        String v3 = EngineCodecV3.encodePacket(Packet.message(broadcast));

        assertThat(first).isEqualTo("42[\"news\",1]");
        assertThat(second).isSameAs(first);
        assertThat(v3).isSameAs(first);
        assertThat(EngineCodec.encodePacket(Packet.message(EngineMessage.text("2[\"news\",1]"))))
                .isEqualTo(first)
                .isNotSameAs(first);
        assertThat(broadcast.text()).isEqualTo("2[\"news\",1]");
    }

    @Test
    void encodesATextPacketWithoutDataAsTheDigitAlone() {
        assertThat(EngineCodec.encodePacket(Packet.of(PacketType.OPEN))).isEqualTo("0");
        assertThat(EngineCodec.encodePacket(Packet.of(PacketType.MESSAGE))).isEqualTo("4");
    }

    @Test
    void decodesABareMessageToEmptyTextAndOtherBareTypesToNullData() {
        assertThat(EngineCodec.decodePacket("4").data()).isEqualTo(EngineMessage.text(""));
        for (String digit : List.of("0", "1", "2", "3", "5", "6")) {
            assertThat(EngineCodec.decodePacket(digit).data()).as(digit).isNull();
        }
    }

    @Test
    void decodesBase64WithoutPaddingToo() {
        assertThat(EngineCodec.decodePacket("bAQIDBA")).isEqualTo(bin(1, 2, 3, 4));
    }

    @Test
    void decodesAWebSocketBinaryFrameAsABinaryMessageWithoutTypePrefix() {
        byte[] frame = {4, 1, 2, 3};
        Packet p = EngineCodec.decodeBinaryFrame(frame);
        assertThat(p.type()).isEqualTo(PacketType.MESSAGE);
        assertThat(p.isBinary()).isTrue();
        assertThat(p.data().binary()).containsExactly(4, 1, 2, 3);
    }

    @Test
    void decodesAnEmptyWebSocketBinaryFrameAsAnEmptyBinaryMessage() {
        assertThat(EngineCodec.decodeBinaryFrame(new byte[0])).isEqualTo(bin());
    }

    /** Body and the packets it holds; each row is checked in both directions. */
    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of(
                        "4hello" + RS + "2" + RS + "4world",
                        List.of(
                                text(PacketType.MESSAGE, "hello"),
                                Packet.of(PacketType.PING),
                                text(PacketType.MESSAGE, "world"))),
                Arguments.of(
                        "4hello" + RS + "bAQIDBA==",
                        List.of(text(PacketType.MESSAGE, "hello"), bin(1, 2, 3, 4))),
                Arguments.of(
                        "bAQIDBA==" + RS + "4hello" + RS + "b/w==",
                        List.of(bin(1, 2, 3, 4), text(PacketType.MESSAGE, "hello"), bin(0xff))),
                Arguments.of("6", List.of(Packet.of(PacketType.NOOP))),
                Arguments.of("1", List.of(Packet.of(PacketType.CLOSE))),
                Arguments.of(
                        "3" + RS + "4",
                        List.of(Packet.of(PacketType.PONG), text(PacketType.MESSAGE, ""))),
                Arguments.of(
                        "0{\"sid\":\"abc\"}" + RS + "40",
                        List.of(
                                text(PacketType.OPEN, "{\"sid\":\"abc\"}"),
                                text(PacketType.MESSAGE, "0"))),
                Arguments.of(
                        "4€" + RS + "4😀",
                        List.of(text(PacketType.MESSAGE, "€"), text(PacketType.MESSAGE, "😀"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void decodesEachPayload(String body, List<Packet> expected) {
        assertThat(EngineCodec.decodePayload(body)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void encodesEachPayloadJoinedByTheRecordSeparator(String body, List<Packet> packets) {
        assertThat(EngineCodec.encodePayload(packets)).isEqualTo(body);
    }

    @Test
    void roundTripsEveryByteValueThroughBase64() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        Packet p = Packet.message(EngineMessage.binary(all));
        assertThat(EngineCodec.decodePacket(EngineCodec.encodePacket(p))).isEqualTo(p);
        assertThat(EngineCodec.decodePayload(EngineCodec.encodePayload(List.of(p, p))))
                .containsExactly(p, p);
    }

    @Test
    void roundTripsNonAsciiText() {
        String s =
                new String(
                        new byte[] {(byte) 0xe2, (byte) 0x82, (byte) 0xac}, StandardCharsets.UTF_8);
        Packet p = text(PacketType.MESSAGE, s + "\n\"\\");
        assertThat(EngineCodec.decodePayload(EngineCodec.encodePayload(List.of(p))))
                .containsExactly(p);
    }

    @Test
    void rejectsAnEmptyListWhenEncodingAPayload() {
        assertThatThrownBy(() -> EngineCodec.encodePayload(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "",
                " ",
                "\t",
                "\n",
                " 4hello",
                "7",
                "8",
                "9",
                "/",
                "a",
                "B",
                "x4",
                "-1",
                "\u001e",
                "€",
                "b!!!!",
                "bA",
                "bAQ=",
                "bAQIDBA=x",
                "b€",
                "b-_-_" // base64url alphabet, not standard
            })
    void rejectsInvalidPackets(String wire) {
        assertThatThrownBy(() -> EngineCodec.decodePacket(wire))
                .isInstanceOf(PacketFormatException.class);
    }

    /** engine.io-client-java 2.x sends {@code b<base64>\n}; Node's base64 decoding skips it. */
    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"bAQIDBA==\n", "bAQI DBA==", "bAQID\r\nBA=="})
    void base64SkipsAsciiWhitespaceAsNodeDoes(String wire) {
        assertThat(EngineCodec.decodePacket(wire).data().binary()).containsExactly(1, 2, 3, 4);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "",
                " ",
                "\u001e",
                "4hello\u001e",
                "\u001e4hello",
                "4a\u001e\u001e4b",
                "4hello\u001e7",
                "4hello\u001ebA",
                "4hello\u001eb***",
                "4hello\u001e 2",
                "hello"
            })
    void rejectsInvalidPayloads(String body) {
        assertThatThrownBy(() -> EngineCodec.decodePayload(body))
                .isInstanceOf(PacketFormatException.class);
    }

    @Test
    void namesTheOffendingCharacterWhenRejectingAnUnknownType() {
        assertThatThrownBy(() -> EngineCodec.decodePacket("7")).hasMessageContaining("'7'");
        assertThatThrownBy(() -> EngineCodec.decodePacket("\u001f")).hasMessageContaining("U+001F");
    }

    @Test
    void reportsTheValidPacketsBeforeTheFaultOfAPayload() {
        assertThatThrownBy(() -> EngineCodec.decodePayload("4hello" + RS + "2" + RS + "7"))
                .isInstanceOfSatisfying(
                        PacketFormatException.class,
                        e ->
                                assertThat(e.decodedBefore())
                                        .containsExactly(
                                                text(PacketType.MESSAGE, "hello"),
                                                Packet.of(PacketType.PING)));
        assertThatThrownBy(() -> EngineCodec.decodePacket("7"))
                .isInstanceOfSatisfying(
                        PacketFormatException.class, e -> assertThat(e.decodedBefore()).isEmpty());
    }

    /** A broadcast sends one message to many sessions: its text is framed once, not per session. */
    @Test
    void framesATextMessageOnceForEverySessionItIsSentTo() {
        io.jsocketio.engine.EngineMessage shared =
                io.jsocketio.engine.EngineMessage.text("[\"news\",1]");

        String first = EngineCodec.encodePacket(Packet.message(shared));
        String second = EngineCodec.encodePacket(Packet.message(shared));

        assertThat(first).isEqualTo("4[\"news\",1]");
        assertThat(second).isSameAs(first);
    }
}
