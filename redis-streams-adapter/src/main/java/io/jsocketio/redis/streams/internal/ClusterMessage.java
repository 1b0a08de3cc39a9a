package io.jsocketio.redis.streams.internal;

import io.jsocketio.redis.internal.Msgpack;
import io.jsocketio.redis.internal.Values;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message between the servers of a cluster, as npm {@code socket.io-adapter}'s {@code
 * ClusterAdapter} writes it: {@code {uid, nsp, type, data}}. In the stream an entry holds it as
 * strings (the type as decimal text; the data as JSON text, or as base64 msgpack when it holds
 * binary); on pub/sub (requests and responses) the whole message is msgpack.
 *
 * <p>Thread-safety: immutable (the data tree is not copied; do not change it).
 *
 * @param uid the sending server's id
 * @param nsp the namespace
 * @param type one of the type constants
 * @param data the payload as a value tree ({@link Values}), or null
 */
record ClusterMessage(
        String uid, String nsp, int type, @Nullable Map<String, @Nullable Object> data) {
    static final int BROADCAST = 3;
    static final int SOCKETS_JOIN = 4;
    static final int SOCKETS_LEAVE = 5;
    static final int DISCONNECT_SOCKETS = 6;
    static final int FETCH_SOCKETS = 7;
    static final int FETCH_SOCKETS_RESPONSE = 8;
    static final int SERVER_SIDE_EMIT = 9;
    static final int SERVER_SIDE_EMIT_RESPONSE = 10;
    static final int BROADCAST_CLIENT_COUNT = 11;
    static final int BROADCAST_ACK = 12;

    private static final SecureRandom RANDOM = new SecureRandom();

    ClusterMessage {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(nsp, "nsp");
    }

    /** A random id of 8 bytes in hex, as the Node adapter makes server and request ids. */
    static String randomId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A field of the data, or null. */
    @Nullable Object get(String key) {
        return data == null ? null : data.get(key);
    }

    /** Whether the message is a response to a request. */
    boolean isResponse() {
        return type == FETCH_SOCKETS_RESPONSE
                || type == SERVER_SIDE_EMIT_RESPONSE
                || type == BROADCAST_CLIENT_COUNT
                || type == BROADCAST_ACK;
    }

    // ---- stream entries

    /** The stream entry's fields, in Node's order. */
    Map<String, String> toEntry() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("uid", uid);
        out.put("nsp", nsp);
        out.put("type", Integer.toString(type));
        if (data != null) {
            out.put(
                    "data",
                    hasBinary(data)
                            ? Base64.getEncoder().encodeToString(Msgpack.encode(data))
                            : new String(Values.toJsonText(data), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A stream entry's fields as text. */
    static Map<String, String> fields(Map<byte[], byte[]> body) {
        Map<String, String> out = new LinkedHashMap<>();
        body.forEach(
                (k, v) ->
                        out.put(
                                new String(k, StandardCharsets.UTF_8),
                                new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    /**
     * A message read from a stream entry.
     *
     * @throws IllegalArgumentException when the entry is not a cluster message
     */
    static ClusterMessage fromEntry(Map<String, String> fields) {
        String uid = fields.get("uid");
        String nsp = fields.get("nsp");
        String type = fields.get("type");
        if (uid == null || nsp == null || type == null) {
            throw new IllegalArgumentException("not a cluster message: " + fields.keySet());
        }
        String raw = fields.get("data");
        Object data = null;
        if (raw != null && !raw.isEmpty()) {
            data =
                    raw.startsWith("{")
                            ? Values.parseJson(raw.getBytes(StandardCharsets.UTF_8))
                            : Msgpack.decode(Base64.getDecoder().decode(raw));
        }
        return new ClusterMessage(uid, nsp, parseType(type), map(data));
    }

    private static int parseType(String type) {
        try {
            return Integer.parseInt(type.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad message type " + type, e);
        }
    }

    // ---- pub/sub

    /** The message as msgpack, for pub/sub. */
    byte[] toPubSub() {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("uid", uid);
        out.put("nsp", nsp);
        out.put("type", (long) type);
        if (data != null) {
            out.put("data", data);
        }
        return Msgpack.encode(out);
    }

    /**
     * A message read from pub/sub.
     *
     * @throws IllegalArgumentException when it is not a cluster message
     */
    static ClusterMessage fromPubSub(byte[] payload) {
        Map<String, @Nullable Object> map = map(Msgpack.decode(payload));
        if (map == null
                || !(map.get("uid") instanceof String uid)
                || !(map.get("nsp") instanceof String nsp)
                || !(map.get("type") instanceof Number type)) {
            throw new IllegalArgumentException("not a cluster message");
        }
        return new ClusterMessage(uid, nsp, type.intValue(), map(map.get("data")));
    }

    private static @Nullable Map<String, @Nullable Object> map(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("data is not an object");
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Whether a value tree holds a byte array anywhere. */
    static boolean hasBinary(@Nullable Object value) {
        if (value instanceof byte[]) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(ClusterMessage::hasBinary);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(ClusterMessage::hasBinary);
        }
        return false;
    }
}
