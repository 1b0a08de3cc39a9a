package io.jsocketio.engine.parser;

import io.jsocketio.engine.EngineMessage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Engine.IO protocol v3 codec (Socket.IO 1.x/2.x clients), as pure functions: packets,
 * WebSocket frames, the three polling payload forms and the JSONP envelope.
 *
 * <p>Thread-safety: stateless; every method may be called from any thread.
 *
 * <p>Wire forms (spec {@code docs/engine.io-protocol/v3.md}; where the spec and Node's
 * engine.io-parser 2.x differ, this class follows Node, which is what the clients speak):
 *
 * <ul>
 *   <li><b>Text packet</b> (WebSocket text frame, element of a string payload): type digit and
 *       data, {@code 4hello}, {@code 2probe}, {@code 3}. A binary message in text form is {@code
 *       b4} followed by standard base64: {@code b4AQIDBA==}.
 *   <li><b>Binary frame</b>: a binary message on a WebSocket whose client supports binary (no
 *       {@code b64=1} in the query) is one binary frame holding the type byte {@code 0x04} and then
 *       the data.
 *   <li><b>String payload</b> (polling when no packet is binary or the client sent {@code b64=1}):
 *       each packet as {@code <length>:<text packet>}, the length counted in UTF-16 code units as
 *       JavaScript counts string length: {@code 6:4hello2:4€10:b4AQIDBA==}. No packets at all
 *       encode as {@code 0:}.
 *   <li><b>Binary payload</b> (XHR2; polling to a client that supports binary, when at least one
 *       packet is binary): per packet a marker byte ({@code 0} text, {@code 1} binary), the decimal
 *       digits of the length each as one byte of value 0-9, the byte {@code 0xFF}, then the packet:
 *       a text packet as UTF-8 (length in bytes), a binary one as type byte {@code 0x04} followed
 *       by the data (length counts the type byte). The spec's example omits that type byte; Node's
 *       parser and the 2.x clients write and expect it.
 *   <li><b>JSONP</b>: the response is the script {@code ___eio[<j>]("<string payload>");}, the
 *       payload escaped as by JSON.stringify plus U+2028/U+2029; the request body is a form with
 *       the string payload in the field {@code d}.
 * </ul>
 *
 * <p>Decoding is stricter than Node where Node's leniency serves no client: lengths are plain
 * decimal digits (Node's {@code Number()} would also take {@code " 6"}, {@code "0x6"} or {@code
 * "6e0"}); base64 is validated (Node skips invalid characters); binary payload markers must be 0 or
 * 1 and length bytes 0-9; a truncated packet is rejected (Node's binary decoder keeps the short
 * slice); binary data must belong to a message (type 4), the only binary packet a client sends. As
 * in Node: an empty string packet or string payload is invalid; zero-length elements of a string
 * payload ({@code 0:}) are skipped, so {@code 0:} decodes to no packets; an empty binary payload
 * decodes to no packets; decoding stops after a close packet, the rest of the payload is not
 * examined. Every rejection is a {@link PacketFormatException} whose {@link
 * PacketFormatException#decodedBefore()} lists the valid packets before the fault.
 */
public final class EngineCodecV3 {
    /** The type byte of a binary message in frames and binary payloads. */
    private static final byte MESSAGE_TYPE_BYTE = 4;

    /** More length digits than this cannot be a real packet (and would overflow an int). */
    private static final int MAX_LENGTH_DIGITS = 9;

    private EngineCodecV3() {}

    // ---- packets and WebSocket frames ----

    /**
     * Encodes one packet in text form: {@code <digit><data>}, or {@code b4<base64>} for a binary
     * message. This is the WebSocket text frame, and the element of a string payload.
     *
     * @param p the packet
     * @return the text packet
     */
    public static String encodePacket(Packet p) {
        Objects.requireNonNull(p, "p");
        EngineMessage data = p.data();
        if (data != null && data.isBinary()) {
            return "b4" + Base64.getEncoder().encodeToString(data.binary());
        }
        return TextPackets.encode(p); // a message is framed once, shared by every recipient
    }

    /**
     * Encodes a binary message as a WebSocket binary frame: the type byte {@code 0x04}, then the
     * data. Use it when the client supports binary (no {@code b64} query parameter); otherwise send
     * {@link #encodePacket} as a text frame.
     *
     * @param p a binary message packet
     * @return the frame's bytes
     * @throws IllegalArgumentException if {@code p} is not a binary message
     */
    public static byte[] encodeBinaryFrame(Packet p) {
        Objects.requireNonNull(p, "p");
        if (!p.isBinary()) {
            throw new IllegalArgumentException("not a binary message: " + p);
        }
        byte[] data = p.data().binary();
        byte[] frame = new byte[data.length + 1];
        frame[0] = MESSAGE_TYPE_BYTE;
        System.arraycopy(data, 0, frame, 1, data.length);
        return frame;
    }

    /**
     * Decodes a WebSocket text frame or string payload element. A bare {@code 4} is a message with
     * the empty text; other packets without data have {@code data == null}.
     *
     * @param text the text packet
     * @return the packet
     * @throws PacketFormatException if the text is empty, starts with neither a type digit nor
     *     {@code b4}, or has invalid base64
     */
    public static Packet decodePacket(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new PacketFormatException("empty packet");
        }
        char first = text.charAt(0);
        if (first == 'b') {
            if (text.length() < 2 || text.charAt(1) != PacketType.MESSAGE.code()) {
                throw new PacketFormatException("base64 packet is not a message");
            }
            return Packet.message(EngineMessage.binary(EngineCodec.decodeBase64(text, 2)));
        }
        PacketType type = PacketType.fromCode(first);
        if (type == null) {
            throw new PacketFormatException("unknown packet type " + EngineCodec.describe(first));
        }
        if (text.length() == 1) {
            return type == PacketType.MESSAGE ? Packet.of(type, "") : Packet.of(type);
        }
        return Packet.of(type, text.substring(1));
    }

    /**
     * Decodes a WebSocket binary frame: type byte {@code 0x04}, then the message data.
     *
     * @param frame the frame's bytes (not retained; the data is copied)
     * @return the binary message packet
     * @throws PacketFormatException if the frame is empty or its type byte is not 4
     */
    public static Packet decodeBinaryFrame(byte[] frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame.length == 0) {
            throw new PacketFormatException("empty binary frame");
        }
        if (frame[0] != MESSAGE_TYPE_BYTE) {
            throw new PacketFormatException("binary frame of type byte " + (frame[0] & 0xff));
        }
        return Packet.message(EngineMessage.binary(Arrays.copyOfRange(frame, 1, frame.length)));
    }

    // ---- polling payloads ----

    /**
     * Whether a polling response with these packets is a binary payload ({@link
     * #encodeBinaryPayload}, {@code Content-Type: application/octet-stream}) rather than a string
     * payload ({@link #encodePayload}, {@code text/plain; charset=UTF-8}): exactly when the client
     * supports binary and at least one packet is binary.
     *
     * @param packets the packets to send
     * @param supportsBinary false when the request had a {@code b64} query parameter (and for
     *     JSONP)
     */
    public static boolean usesBinaryPayload(List<Packet> packets, boolean supportsBinary) {
        if (!supportsBinary) {
            return false;
        }
        for (Packet p : packets) {
            if (p.isBinary()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Encodes a string payload: each packet as {@code <length>:<text packet>}, the length in UTF-16
     * code units; binary messages as {@code b4<base64>}. An empty list gives {@code 0:}.
     *
     * @param packets the packets
     * @return the body
     */
    public static String encodePayload(List<Packet> packets) {
        Objects.requireNonNull(packets, "packets");
        if (packets.isEmpty()) {
            return "0:";
        }
        StringBuilder sb = new StringBuilder();
        for (Packet p : packets) {
            String s = encodePacket(p);
            sb.append(s.length()).append(':').append(s);
        }
        return sb.toString();
    }

    /**
     * Encodes a binary (XHR2) payload; see the class comment for the layout. An empty list gives no
     * bytes.
     *
     * @param packets the packets
     * @return the body
     */
    public static byte[] encodeBinaryPayload(List<Packet> packets) {
        Objects.requireNonNull(packets, "packets");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Packet p : packets) {
            byte[] body = p.isBinary() ? encodeBinaryFrame(p) : LenientUtf8.encode(encodePacket(p));
            out.write(p.isBinary() ? 1 : 0);
            String digits = Integer.toString(body.length);
            for (int i = 0; i < digits.length(); i++) {
                out.write(digits.charAt(i) - '0');
            }
            out.write(0xff);
            out.write(body, 0, body.length);
        }
        return out.toByteArray();
    }

    /**
     * Decodes a string payload ({@code <length>:<packet>...}, also the {@code b64=1} form).
     *
     * @param body the body, decoded from UTF-8
     * @return the packets in order, unmodifiable; empty for {@code 0:}
     * @throws PacketFormatException if the body is empty, a length is missing, not decimal digits
     *     or runs past the end, or a packet is invalid
     */
    public static List<Packet> decodePayload(String body) {
        Objects.requireNonNull(body, "body");
        if (body.isEmpty()) {
            throw new PacketFormatException("empty payload");
        }
        List<Packet> packets = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            int colon = body.indexOf(':', i);
            if (colon < 0) {
                throw new PacketFormatException("payload length without ':'", packets);
            }
            int n = parseLength(body, i, colon, packets);
            int start = colon + 1;
            if (n > body.length() - start) {
                throw new PacketFormatException("payload element runs past the end", packets);
            }
            if (n > 0) {
                if (addPacket(packets, body.substring(start, start + n))) {
                    return List.copyOf(packets);
                }
            }
            i = start + n;
        }
        return List.copyOf(packets);
    }

    /**
     * Decodes a binary (XHR2) payload, the body of a POST with {@code Content-Type:
     * application/octet-stream}.
     *
     * @param body the body
     * @return the packets in order, unmodifiable; empty for an empty body
     * @throws PacketFormatException for a marker other than 0/1, a length byte above 9, a missing
     *     {@code 0xFF}, a packet running past the end, text that is not UTF-8 or an invalid packet
     */
    public static List<Packet> decodeBinaryPayload(byte[] body) {
        Objects.requireNonNull(body, "body");
        List<Packet> packets = new ArrayList<>();
        int i = 0;
        while (i < body.length) {
            int marker = body[i++];
            if (marker != 0 && marker != 1) {
                throw new PacketFormatException("binary payload marker " + marker, packets);
            }
            int n = 0;
            int digits = 0;
            while (i < body.length && body[i] != (byte) 0xff) {
                int d = body[i++];
                if (d < 0 || d > 9 || ++digits > MAX_LENGTH_DIGITS) {
                    throw new PacketFormatException("bad binary payload length", packets);
                }
                n = n * 10 + d;
            }
            if (i >= body.length || digits == 0) {
                throw new PacketFormatException("bad binary payload length", packets);
            }
            i++;
            if (n > body.length - i) {
                throw new PacketFormatException("payload element runs past the end", packets);
            }
            boolean close;
            if (marker == 0) {
                String text;
                try {
                    text = LenientUtf8.decode(body, i, n);
                } catch (PacketFormatException e) {
                    throw new PacketFormatException(e.getMessage(), packets);
                }
                close = addPacket(packets, text);
            } else {
                try {
                    packets.add(decodeBinaryFrame(Arrays.copyOfRange(body, i, i + n)));
                } catch (PacketFormatException e) {
                    throw new PacketFormatException(e.getMessage(), packets);
                }
                close = false;
            }
            if (close) {
                break;
            }
            i += n;
        }
        return List.copyOf(packets);
    }

    private static int parseLength(String body, int from, int to, List<Packet> before) {
        if (to == from || to - from > MAX_LENGTH_DIGITS) {
            throw new PacketFormatException("bad payload length", before);
        }
        int n = 0;
        for (int k = from; k < to; k++) {
            char c = body.charAt(k);
            if (c < '0' || c > '9') {
                throw new PacketFormatException("bad payload length", before);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Decodes and adds one packet; returns whether it was a close packet (decoding stops). */
    private static boolean addPacket(List<Packet> packets, String text) {
        Packet p;
        try {
            p = decodePacket(text);
        } catch (PacketFormatException e) {
            throw new PacketFormatException(e.getMessage(), packets);
        }
        packets.add(p);
        return p.type() == PacketType.CLOSE;
    }

    // ---- JSONP ----

    /**
     * The JSONP polling response: {@code ___eio[<j>]("<payload>");}. The index keeps only the
     * digits of {@code j} (Node strips everything else, so an index without digits gives {@code
     * ___eio[]}). The payload is a string payload ({@link #encodePayload}; JSONP clients cannot
     * take binary payloads), written as JSON.stringify writes a string: quotes and backslashes
     * escaped, {@code \b \f \n \r \t} as such, other control characters and lone surrogates as
     * six-character escapes with lowercase hex (<code>&#92;u001e</code>, <code>&#92;ud800</code>);
     * then U+2028 and U+2029 escaped the same way (<code>&#92;u2028</code>), since JSON allows them
     * raw but older JavaScript does not. Node serves the script with the usual polling {@code
     * Content-Type: text/plain; charset=UTF-8}.
     *
     * @param j the raw {@code j} query parameter
     * @param payload the encoded string payload
     * @return the script
     */
    public static String encodeJsonp(String j, String payload) {
        Objects.requireNonNull(j, "j");
        Objects.requireNonNull(payload, "payload");
        return Jsonp.script(j, payload);
    }

    /**
     * The string payload of a JSONP POST body: the form field {@code d} (form-decoded: {@code +} is
     * a space, {@code %XX} UTF-8), with Node's newline rule applied: the client escapes a newline
     * as the two characters {@code \n} and an already escaped {@code \n} as {@code \\n}; the first
     * becomes a newline, the second {@code \n}. Pass the result to {@link #decodePayload}.
     *
     * <p>Empty when the form has no {@code d} field or more than one, as Node's querystring then
     * gives no string; Node ignores such a body and still answers {@code ok}. Only the first 1000
     * pairs are examined, as Node does.
     *
     * @param formBody the request body, decoded from UTF-8
     * @return the payload, or empty
     */
    public static Optional<String> decodeJsonpBody(String formBody) {
        Objects.requireNonNull(formBody, "formBody");
        return Jsonp.dField(formBody);
    }
}
