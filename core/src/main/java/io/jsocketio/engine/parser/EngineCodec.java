package io.jsocketio.engine.parser;

import io.jsocketio.engine.EngineMessage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The Engine.IO protocol v4 packet and payload codec, as pure functions.
 *
 * <p>Thread-safety: stateless; every method may be called from any thread.
 *
 * <p>Wire forms (spec {@code docs/engine.io-protocol/v4-current.md}):
 *
 * <ul>
 *   <li>a text packet is its type digit followed by its data: {@code 2}, {@code 2probe}, {@code
 *       4hello}, {@code 0{"sid":...}};
 *   <li>a binary message on polling is {@code b} followed by standard base64 with padding ({@code
 *       bAQIDBA==} for the bytes 01 02 03 04); on WebSocket it is a binary frame holding the bytes
 *       as they are, without a type prefix;
 *   <li>a polling body is the encoded packets joined by the record separator {@code U+001E}.
 * </ul>
 *
 * <p>Decoding rules (what is a {@link PacketFormatException}):
 *
 * <ul>
 *   <li>An empty string is invalid, both as a packet and as a payload element, so an empty body, a
 *       leading, trailing or doubled separator are rejected. Node's parser turns these into its
 *       {@code error} packet, on which the server closes the session with {@code parse error}.
 *   <li>The first character must be a type digit {@code 0}-{@code 6} or {@code b}; anything else
 *       (including whitespace, so a whitespace-only string) is rejected, as Node does.
 *   <li>The base64 after {@code b} must be valid standard base64 (RFC 4648 alphabet, padding
 *       optional, no whitespace). This is stricter than Node's {@code Buffer.from(s, "base64")},
 *       which silently skips invalid characters; every Engine.IO client sends clean base64.
 * </ul>
 *
 * <p>A packet without data, such as {@code 2} or {@code 6}, decodes with {@code data == null}; the
 * single exception is a bare {@code 4}, which decodes to a message with the empty text {@code ""}
 * (Node passes {@code undefined} to its listeners there; the Java API has no such value). A bare
 * {@code b} is a binary message of zero bytes. No other validation of the data happens here: the
 * open packet's JSON, for instance, is just text.
 *
 * <p>Encoding does not check text data for {@code U+001E}: like Node, a text message containing the
 * separator would split into two payload elements on the other side.
 */
public final class EngineCodec {
    /** The record separator between the packets of a polling payload. */
    static final char SEPARATOR = '\u001e';

    private EngineCodec() {}

    /**
     * Encodes one packet in its text form: {@code <digit><data>}, or {@code b<base64>} for a binary
     * message (the polling form; on WebSocket send the bytes of a binary message as they are).
     *
     * @param p the packet
     * @return the encoded packet
     */
    public static String encodePacket(Packet p) {
        Objects.requireNonNull(p, "p");
        EngineMessage data = p.data();
        if (data != null && data.isBinary()) {
            return "b" + Base64.getEncoder().encodeToString(data.binary());
        }
        return TextPackets.encode(p); // a message is framed once, shared by every recipient
    }

    /**
     * Encodes a polling response body: the packets, each encoded by {@link #encodePacket}, joined
     * by the record separator {@code U+001E}.
     *
     * @param packets the packets, at least one
     * @return the body
     * @throws IllegalArgumentException if {@code packets} is empty
     */
    public static String encodePayload(List<Packet> packets) {
        Objects.requireNonNull(packets, "packets");
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("a payload holds at least one packet");
        }
        StringBuilder sb = new StringBuilder();
        for (Packet p : packets) {
            if (sb.length() > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(encodePacket(p));
        }
        return sb.toString();
    }

    /**
     * Decodes a polling request body: splits it on {@code U+001E} and decodes each element with
     * {@link #decodePacket}.
     *
     * @param body the body, decoded from UTF-8
     * @return the packets in order, unmodifiable, never empty
     * @throws PacketFormatException if the body is empty or any element is invalid; its {@link
     *     PacketFormatException#decodedBefore()} holds the valid packets before that element
     */
    public static List<Packet> decodePayload(String body) {
        Objects.requireNonNull(body, "body");
        List<Packet> packets = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = body.indexOf(SEPARATOR, start);
            String element = body.substring(start, end < 0 ? body.length() : end);
            try {
                packets.add(decodePacket(element));
            } catch (PacketFormatException e) {
                throw new PacketFormatException(e.getMessage(), packets);
            }
            if (end < 0) {
                return List.copyOf(packets);
            }
            start = end + 1;
        }
    }

    /**
     * Decodes one packet from a WebSocket text frame or a payload element.
     *
     * @param text the encoded packet
     * @return the packet
     * @throws PacketFormatException if the text is empty, starts with neither a type digit nor
     *     {@code b}, or has invalid base64 after {@code b}
     */
    public static Packet decodePacket(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new PacketFormatException("empty packet");
        }
        char first = text.charAt(0);
        if (first == 'b') {
            return Packet.message(EngineMessage.binary(decodeBase64(text, 1)));
        }
        PacketType type = PacketType.fromCode(first);
        if (type == null) {
            throw new PacketFormatException("unknown packet type " + describe(first));
        }
        if (text.length() == 1) {
            return type == PacketType.MESSAGE ? Packet.of(type, "") : Packet.of(type);
        }
        return Packet.of(type, text.substring(1));
    }

    /**
     * Decodes a WebSocket binary frame: a binary message holding the frame's bytes, without any
     * type prefix.
     *
     * @param frame the frame's bytes; shared by the returned packet, not copied
     * @return the message packet
     */
    public static Packet decodeBinaryFrame(byte[] frame) {
        Objects.requireNonNull(frame, "frame");
        return Packet.message(EngineMessage.binary(frame));
    }

    /**
     * Decodes standard base64 from {@code s} starting at {@code from}. ASCII whitespace is skipped,
     * as Node's {@code Buffer.from(s, "base64")} skips it: engine.io-client-java 2.x ends its
     * base64 binary packets with a line feed. Any other character outside the alphabet is refused.
     */
    static byte[] decodeBase64(String s, int from) {
        String data = s.substring(from);
        if (data.chars().anyMatch(EngineCodec::isAsciiWhitespace)) {
            StringBuilder kept = new StringBuilder(data.length());
            data.chars().filter(c -> !isAsciiWhitespace(c)).forEach(c -> kept.append((char) c));
            data = kept.toString();
        }
        try {
            return Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new PacketFormatException("invalid base64: " + e.getMessage());
        }
    }

    private static boolean isAsciiWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** A printable description of a character for error messages. */
    static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
