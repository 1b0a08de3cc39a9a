package io.jsocketio.redis.streams.internal;

import static io.jsocketio.redis.internal.ClusterMessages.BROADCAST_ACK;
import static io.jsocketio.redis.internal.ClusterMessages.BROADCAST_CLIENT_COUNT;
import static io.jsocketio.redis.internal.ClusterMessages.FETCH_SOCKETS_RESPONSE;
import static io.jsocketio.redis.internal.ClusterMessages.SERVER_SIDE_EMIT_RESPONSE;

import io.jsocketio.redis.internal.ClusterMessages;
import io.jsocketio.redis.internal.Msgpack;
import io.jsocketio.redis.internal.Values;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
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
 * @param type one of the types of {@link ClusterMessages}
 * @param data the payload as a value tree ({@link Values}), or null
 */
record ClusterMessage(
        String uid, String nsp, int type, @Nullable Map<String, @Nullable Object> data) {
    ClusterMessage {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(nsp, "nsp");
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
                    ClusterMessages.hasBinary(data)
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
}
