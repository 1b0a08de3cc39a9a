package io.jsocketio.parser;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One Socket.IO packet. Binary values are not inside {@link #data()}: each stands there as a
 * placeholder {@code {"_placeholder":true,"num":N}} and its bytes are {@code attachments().get(N)}.
 *
 * <p>Thread-safety: immutable; the attachment arrays are shared and must not be modified.
 *
 * @param type the packet type; decoded binary packets keep BINARY_*, and the encoder writes
 *     BINARY_EVENT/BINARY_ACK or EVENT/ACK according to the attachments
 * @param namespace the namespace, {@code /} by default, always starting with {@code /} (a v4
 *     client's CONNECT may append a query: {@code /admin?token=1})
 * @param id the ack id, or null
 * @param data the JSON payload (an array for events and acks, an object or absent for connect), or
 *     null when the packet has none
 * @param attachments the binary attachments, in placeholder order
 */
public record SocketPacket(
        SocketPacketType type,
        String namespace,
        @Nullable Long id,
        @Nullable JsonValue data,
        List<byte[]> attachments) {

    /**
     * The event names no EVENT packet may carry, in either direction (Node's {@code
     * RESERVED_EVENTS}): the decoder refuses them from a client, {@code emit} refuses them.
     */
    public static final Set<String> RESERVED_EVENTS =
            Set.of(
                    "connect",
                    "connect_error",
                    "disconnect",
                    "disconnecting",
                    "newListener",
                    "removeListener");

    public SocketPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(namespace, "namespace");
        attachments = List.copyOf(attachments);
    }

    /**
     * The server's answer to a CONNECT: in protocol v5 {@code {"sid":"<socketId>"}}, in v4 no
     * payload.
     */
    public static SocketPacket connect(String namespace, String socketId, ProtocolVersion version) {
        JsonValue data =
                version == ProtocolVersion.V5
                        ? JsonText.PROVIDER.createObjectBuilder().add("sid", socketId).build()
                        : null;
        return of(SocketPacketType.CONNECT, namespace, null, data);
    }

    /**
     * The server's answer to a CONNECT when connection state recovery is on: {@code
     * {"sid":"<socketId>","pid":"<private session id>"}} (protocol v5 only; v4 has no payload).
     */
    public static SocketPacket connect(
            String namespace, String socketId, String pid, ProtocolVersion version) {
        JsonValue data =
                version == ProtocolVersion.V5
                        ? JsonText.PROVIDER
                                .createObjectBuilder()
                                .add("sid", socketId)
                                .add("pid", pid)
                                .build()
                        : null;
        return of(SocketPacketType.CONNECT, namespace, null, data);
    }

    /**
     * This event with {@code offset} appended as its last argument, as Node marks a packet that a
     * recovering client may ask for again (the client keeps the last one it saw).
     *
     * @throws IllegalStateException when the packet has no array payload
     */
    public SocketPacket withOffset(String offset) {
        if (!(data instanceof JsonArray array)) {
            throw new IllegalStateException("not an event: " + type);
        }
        JsonArray appended = JsonText.PROVIDER.createArrayBuilder(array).add(offset).build();
        return new SocketPacket(type, namespace, id, appended, attachments);
    }

    /**
     * A refused CONNECT, as Node writes it. Protocol v5: {@code {"message":...}} plus {@code
     * "data"} when {@code data} is not null. Protocol v4: {@code data} itself unless it is absent
     * or falsy in JavaScript's sense (null, false, 0, ""), else the message as a JSON string.
     */
    public static SocketPacket connectError(
            String namespace, String message, @Nullable JsonValue data, ProtocolVersion version) {
        Objects.requireNonNull(message, "message");
        JsonValue payload;
        if (version == ProtocolVersion.V5) {
            JsonObjectBuilder object =
                    JsonText.PROVIDER.createObjectBuilder().add("message", message);
            if (data != null) {
                object.add("data", data);
            }
            payload = object.build();
        } else {
            payload = isFalsy(data) ? JsonText.PROVIDER.createValue(message) : data;
        }
        return of(SocketPacketType.CONNECT_ERROR, namespace, null, payload);
    }

    private static boolean isFalsy(@Nullable JsonValue value) {
        if (value == null) {
            return true;
        }
        return switch (value.getValueType()) {
            case NULL, FALSE -> true;
            case STRING -> ((JsonString) value).getString().isEmpty();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().signum() == 0;
            default -> false;
        };
    }

    /** A packet without attachments. */
    public static SocketPacket of(
            SocketPacketType type, String namespace, @Nullable Long id, @Nullable JsonValue data) {
        return new SocketPacket(type, namespace, id, data, List.of());
    }

    /** This packet addressed to {@code nsp}: itself when it already is. */
    public SocketPacket withNamespace(String nsp) {
        return namespace.equals(nsp) ? this : new SocketPacket(type, nsp, id, data, attachments);
    }
}
