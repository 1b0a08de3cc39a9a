package io.jsocketio.redis.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The messages of npm {@code socket.io-adapter}'s {@code ClusterAdapter} (2.5.x), which the sharded
 * Redis adapter of {@code @socket.io/redis-adapter} 8.x publishes (the streams adapter shares the
 * types, ids and binary test and writes its own encodings): {@code {uid, nsp, type, data}}, written
 * as JSON text, or as MessagePack when a message that may carry binary does (a reader tells them
 * apart by the first byte, '{' for JSON).
 *
 * <p>Thread-safety: stateless.
 */
public final class ClusterMessages {
    public static final int INITIAL_HEARTBEAT = 1;
    public static final int HEARTBEAT = 2;
    public static final int BROADCAST = 3;
    public static final int SOCKETS_JOIN = 4;
    public static final int SOCKETS_LEAVE = 5;
    public static final int DISCONNECT_SOCKETS = 6;
    public static final int FETCH_SOCKETS = 7;
    public static final int FETCH_SOCKETS_RESPONSE = 8;
    public static final int SERVER_SIDE_EMIT = 9;
    public static final int SERVER_SIDE_EMIT_RESPONSE = 10;
    public static final int BROADCAST_CLIENT_COUNT = 11;
    public static final int BROADCAST_ACK = 12;
    public static final int ADAPTER_CLOSE = 13;

    /** The types whose data may hold binary, hence may be written as MessagePack. */
    private static final Set<Integer> MAY_CONTAIN_BINARY =
            Set.of(
                    BROADCAST,
                    BROADCAST_ACK,
                    FETCH_SOCKETS_RESPONSE,
                    SERVER_SIDE_EMIT,
                    SERVER_SIDE_EMIT_RESPONSE);

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClusterMessages() {}

    /** A server uid or request id as Node makes them: 8 random bytes in lower-case hex. */
    public static String randomId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Encodes one message of this server ({@code uid}) in namespace {@code nsp}. */
    static byte[] encode(String uid, String nsp, int type, Map<String, @Nullable Object> data) {
        Map<String, @Nullable Object> message = new LinkedHashMap<>();
        message.put("uid", uid);
        message.put("nsp", nsp);
        message.put("type", (long) type);
        message.put("data", data);
        return MAY_CONTAIN_BINARY.contains(type) && hasBinary(data)
                ? Msgpack.encode(message)
                : Values.toJsonText(message);
    }

    /** Whether a value tree holds a byte array. */
    public static boolean hasBinary(@Nullable Object value) {
        if (value instanceof byte[]) {
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (hasBinary(item)) {
                    return true;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                if (hasBinary(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The {@code data} object of a message, empty when absent. */
    @SuppressWarnings("unchecked")
    static Map<String, @Nullable Object> data(Map<String, @Nullable Object> message) {
        return message.get("data") instanceof Map<?, ?> map
                ? (Map<String, @Nullable Object>) map
                : Map.of();
    }

    /** The {@code type} of a message, -1 when absent. */
    static int type(Map<String, @Nullable Object> message) {
        return message.get("type") instanceof Number n ? n.intValue() : -1;
    }
}
