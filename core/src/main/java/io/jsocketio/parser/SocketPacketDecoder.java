package io.jsocketio.parser;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.parser.PacketFormatException;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link PacketDecoder}: decodes the Engine.IO messages of one client connection into
 * Socket.IO packets (protocol v5, and v4, which is encoded the same way), reassembling binary
 * packets from their text part and the binary messages that follow it.
 *
 * <p>Rejected, with {@link PacketFormatException} (the caller closes the connection with {@code
 * parse error}, as Node does for any decoder error):
 *
 * <ul>
 *   <li>an empty message or an unknown type digit;
 *   <li>a BINARY_* attachment count that is not digits followed by {@code -}, is below 1, or is
 *       above the limit (default {@value #DEFAULT_MAX_ATTACHMENTS}, Node's {@code maxAttachments});
 *   <li>an ack id that does not fit in a long;
 *   <li>a payload that is not exactly one JSON value (so {@code 42abc[...]}, an ack id followed by
 *       anything but JSON, is rejected);
 *   <li>a payload of the wrong shape for its type, as Node's {@code isPayloadValid}: CONNECT an
 *       object or none; DISCONNECT none; CONNECT_ERROR a string or an object; EVENT and
 *       BINARY_EVENT a non-empty array whose first element is a number or a string that is not a
 *       reserved event name ({@code connect, connect_error, disconnect, disconnecting, newListener,
 *       removeListener}); ACK and BINARY_ACK an array. Unlike Node, an EVENT without payload
 *       ({@code 42}) is rejected too, as the specification requires;
 *   <li>a binary message when no binary packet is waiting for attachments, a text message while one
 *       is;
 *   <li>once all attachments arrived, a placeholder ({@code "_placeholder":true}) whose {@code num}
 *       is not an index of an attachment.
 * </ul>
 *
 * <p>Accepted as Node does: a namespace runs from a leading {@code /} to the first comma or to the
 * end of the message ({@code 40/custom} and {@code 40/custom,} are the same packet; no further
 * validation, so a v4 client's {@code /admin?token=1} arrives as is); a packet without namespace is
 * for {@code /}; an ACK without payload has no arguments (its data is null).
 *
 * <p>Decoded BINARY_EVENT and BINARY_ACK packets keep their type, their placeholders in {@code
 * data} and their attachments in arrival order.
 *
 * <p>Thread-safety: not thread-safe; one instance per connection, called by one thread at a time
 * (in message order).
 */
public final class SocketPacketDecoder implements PacketDecoder {

    /** Node's default limit of binary attachments per packet. */
    public static final int DEFAULT_MAX_ATTACHMENTS = 10;

    private final int maxAttachments;
    private @Nullable SocketPacket pending;
    private int expected;
    private final List<byte[]> buffers = new ArrayList<>();

    /** A decoder with Node's attachment limit, {@value #DEFAULT_MAX_ATTACHMENTS}. */
    public SocketPacketDecoder() {
        this(DEFAULT_MAX_ATTACHMENTS);
    }

    /**
     * A decoder accepting at most {@code maxAttachments} attachments per packet.
     *
     * @throws IllegalArgumentException when the limit is below 1
     */
    public SocketPacketDecoder(int maxAttachments) {
        if (maxAttachments < 1) {
            throw new IllegalArgumentException("maxAttachments must be at least 1");
        }
        this.maxAttachments = maxAttachments;
    }

    /**
     * Adds one Engine.IO message.
     *
     * @return the complete packet, or null while a binary packet waits for more attachments
     * @throws PacketFormatException when the message is not valid here; the decoder is then reset
     */
    @Override
    public @Nullable SocketPacket add(EngineMessage message) {
        try {
            return message.isBinary() ? addBinary(message.binary()) : addText(message.text());
        } catch (PacketFormatException e) {
            reset();
            throw e;
        }
    }

    /** Whether a binary packet is waiting for attachments. */
    @Override
    public boolean isReconstructing() {
        return pending != null;
    }

    /** Drops a partly received binary packet (Node's {@code destroy}). */
    @Override
    public void reset() {
        pending = null;
        expected = 0;
        buffers.clear();
    }

    private @Nullable SocketPacket addText(String text) {
        if (pending != null) {
            throw new PacketFormatException("got plaintext data when reconstructing a packet");
        }
        SocketPacket packet = decodeText(text, maxAttachments);
        if (packet.type().isBinary()) {
            pending = packet;
            expected = attachmentCount(text);
            return null;
        }
        return packet;
    }

    private @Nullable SocketPacket addBinary(byte[] data) {
        SocketPacket packet = pending;
        if (packet == null) {
            throw new PacketFormatException("got binary data when not reconstructing a packet");
        }
        buffers.add(data);
        if (buffers.size() < expected) {
            return null;
        }
        List<byte[]> attachments = List.copyOf(buffers);
        reset();
        if (packet.data() != null) {
            checkPlaceholders(packet.data(), attachments.size());
        }
        return new SocketPacket(
                packet.type(), packet.namespace(), packet.id(), packet.data(), attachments);
    }

    /**
     * Decodes one text message on its own. A BINARY_* packet comes back without attachments (see
     * {@link #add} for reassembly).
     *
     * @throws PacketFormatException when the text is not a valid packet
     */
    public static SocketPacket decodeText(String text, int maxAttachments) {
        if (text.isEmpty()) {
            throw new PacketFormatException("empty packet");
        }
        int typeIndex = text.charAt(0) - '0';
        SocketPacketType[] types = SocketPacketType.values();
        if (typeIndex < 0 || typeIndex >= types.length) {
            throw new PacketFormatException("unknown packet type " + text.charAt(0));
        }
        SocketPacketType type = types[typeIndex];
        int i = 1;
        int length = text.length();

        if (type.isBinary()) {
            int dash = i;
            while (dash < length && isDigit(text.charAt(dash))) {
                dash++;
            }
            if (dash == i || dash >= length || text.charAt(dash) != '-' || dash - i > 9) {
                throw new PacketFormatException("illegal attachments");
            }
            int count = Integer.parseInt(text, i, dash, 10);
            if (count < 1) {
                throw new PacketFormatException("illegal attachments");
            }
            if (count > maxAttachments) {
                throw new PacketFormatException("too many attachments");
            }
            i = dash + 1;
        }

        String namespace = "/";
        if (i < length && text.charAt(i) == '/') {
            int comma = text.indexOf(',', i);
            int end = comma < 0 ? length : comma;
            namespace = text.substring(i, end);
            i = comma < 0 ? length : comma + 1;
        }

        Long id = null;
        if (i < length && isDigit(text.charAt(i))) {
            int start = i;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
            try {
                id = Long.parseLong(text, start, i, 10);
            } catch (NumberFormatException e) {
                throw new PacketFormatException("ack id out of range");
            }
        }

        JsonValue data = null;
        if (i < length) {
            try {
                data = JsonText.parse(text.substring(i));
            } catch (JsonException e) {
                throw new PacketFormatException("invalid payload");
            }
        }
        if (!isPayloadValid(type, data)) {
            throw new PacketFormatException("invalid payload");
        }
        return SocketPacket.of(type, namespace, id, data);
    }

    private static boolean isPayloadValid(SocketPacketType type, @Nullable JsonValue data) {
        return switch (type) {
            case CONNECT -> data == null || data instanceof JsonObject;
            case DISCONNECT -> data == null;
            case CONNECT_ERROR -> data instanceof JsonString || data instanceof JsonObject;
            case EVENT, BINARY_EVENT -> isEventPayload(data);
            case ACK, BINARY_ACK -> data == null || data instanceof JsonArray;
        };
    }

    /**
     * Whether {@code data} is a valid EVENT payload: a non-empty array whose first element is a
     * number or a string that is not a reserved event name ({@code connect, connect_error,
     * disconnect, disconnecting, newListener, removeListener}). Other {@link PacketDecoder}s use it
     * so that every wire format admits the same events.
     */
    public static boolean isEventPayload(@Nullable JsonValue data) {
        return data instanceof JsonArray array && !array.isEmpty() && isEventName(array.get(0));
    }

    private static boolean isEventName(JsonValue first) {
        return switch (first.getValueType()) {
            case NUMBER -> true;
            case STRING -> !SocketPacket.RESERVED_EVENTS.contains(((JsonString) first).getString());
            default -> false;
        };
    }

    private static int attachmentCount(String text) {
        return Integer.parseInt(text, 1, text.indexOf('-'), 10);
    }

    private static void checkPlaceholders(JsonValue value, int attachments) {
        switch (value.getValueType()) {
            case ARRAY -> {
                for (JsonValue element : (JsonArray) value) {
                    checkPlaceholders(element, attachments);
                }
            }
            case OBJECT -> {
                if (Placeholders.isMarked(value)) {
                    if (Placeholders.index(value, attachments) < 0) {
                        throw new PacketFormatException("illegal attachments");
                    }
                    return;
                }
                for (JsonValue member : ((JsonObject) value).values()) {
                    checkPlaceholders(member, attachments);
                }
            }
            default -> {}
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
