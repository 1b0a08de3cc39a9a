package io.jsocketio.redis.internal;

import io.jsocketio.parser.JsonValues;
import io.jsocketio.parser.SocketPacket;
import io.jsocketio.parser.SocketPacketType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between the plain value trees that cross Redis (see {@link Msgpack}), JSON text and
 * Socket.IO packets, where binary values stand as placeholders {@code {"_placeholder":true,
 * "num":N}} with their bytes in the attachment list.
 *
 * <p>Thread-safety: stateless.
 */
public final class Values {
    static final JsonProvider JSON = JsonProvider.provider();

    private Values() {}

    // ---- JSON text

    /** Parses JSON text (a request or response) into a value tree. */
    public static @Nullable Object parseJson(byte[] text) {
        try (var reader =
                JSON.createReader(new StringReader(new String(text, StandardCharsets.UTF_8)))) {
            return fromJson(reader.readValue(), List.of());
        } catch (JsonParsingException e) {
            throw new IllegalArgumentException("malformed JSON: " + e.getMessage(), e);
        }
    }

    /** Writes a value tree as JSON text (byte arrays as Node writes a Buffer: {type, data}). */
    public static byte[] toJsonText(@Nullable Object value) {
        return toJsonPlain(value).toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value tree as JSON, byte arrays written as Node's {@code Buffer.toJSON()} does. */
    static JsonValue toJsonPlain(@Nullable Object value) {
        if (value instanceof byte[] bytes) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (byte b : bytes) {
                data.add(b & 0xff);
            }
            return JSON.createObjectBuilder().add("type", "Buffer").add("data", data).build();
        }
        return toJson(value, null);
    }

    /** A request or response read from Redis: JSON when it starts with '{', else msgpack. */
    public static Map<String, @Nullable Object> parseMessage(byte[] message) {
        Object value =
                message.length > 0 && message[0] == '{'
                        ? parseJson(message)
                        : Msgpack.decode(message);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> result = (Map<String, @Nullable Object>) map;
        return result;
    }

    // ---- JSON values <-> value trees

    /**
     * A JSON value as a value tree, placeholders replaced by their attachment.
     *
     * @param attachments the attachments placeholders refer to (empty: placeholders stay objects)
     */
    public static @Nullable Object fromJson(@Nullable JsonValue json, List<byte[]> attachments) {
        return json == null ? null : JsonValues.toJava(json, attachments);
    }

    /**
     * A value tree as JSON; each byte array is appended to {@code attachments} and replaced by its
     * placeholder. With null {@code attachments} a byte array is written as Node's Buffer JSON.
     */
    public static JsonValue toJson(@Nullable Object value, @Nullable List<byte[]> attachments) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return JsonValue.NULL;
            }
            if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
                return JSON.createValue((long) d);
            }
            return JSON.createValue(d);
        }
        if (value instanceof BigDecimal big) {
            return JSON.createValue(big);
        }
        if (value instanceof BigInteger big) {
            return JSON.createValue(big);
        }
        if (value instanceof Number n) {
            return JSON.createValue(n.longValue());
        }
        if (value instanceof byte[] bytes) {
            if (attachments == null) {
                return toJsonPlain(bytes);
            }
            int num = attachments.size();
            attachments.add(bytes);
            return JSON.createObjectBuilder().add("_placeholder", true).add("num", num).build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            for (Object item : list) {
                array.add(toJson(item, attachments));
            }
            return array.build();
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = JSON.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v, attachments)));
            return object.build();
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        return JSON.createValue(value.toString());
    }

    // ---- packets

    /**
     * A Socket.IO packet as the Node adapter publishes it: {@code {type, data, nsp[, id]}}, binary
     * as msgpack bin and the type EVENT/ACK (Node's encoder picks the BINARY_ types itself).
     */
    public static Map<String, @Nullable Object> packetToWire(SocketPacket packet, boolean withId) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        SocketPacketType type =
                switch (packet.type()) {
                    case BINARY_EVENT -> SocketPacketType.EVENT;
                    case BINARY_ACK -> SocketPacketType.ACK;
                    default -> packet.type();
                };
        out.put("type", (long) type.ordinal());
        out.put("data", fromJson(packet.data(), packet.attachments()));
        out.put("nsp", packet.namespace());
        if (withId && packet.id() != null) {
            out.put("id", packet.id());
        }
        return out;
    }

    /**
     * A packet read from a Node adapter or emitter message.
     *
     * @throws IllegalArgumentException when it is not a packet object
     */
    public static SocketPacket packetFromWire(@Nullable Object wire, String defaultNsp) {
        if (!(wire instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("packet is not an object");
        }
        Object type = map.get("type");
        int ordinal = type instanceof Number n ? n.intValue() : SocketPacketType.EVENT.ordinal();
        if (ordinal < 0 || ordinal >= SocketPacketType.values().length) {
            throw new IllegalArgumentException("bad packet type " + type);
        }
        SocketPacketType t = SocketPacketType.values()[ordinal];
        Object nsp = map.get("nsp");
        Object id = map.get("id");
        List<byte[]> attachments = new ArrayList<>();
        JsonValue data = map.containsKey("data") ? toJson(map.get("data"), attachments) : null;
        return new SocketPacket(
                t,
                nsp instanceof String s ? s : defaultNsp,
                id instanceof Number n ? n.longValue() : null,
                data,
                attachments);
    }
}
