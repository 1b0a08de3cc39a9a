package io.jsocketio.redis.internal;

import io.jsocketio.Handshake;
import io.jsocketio.RemoteSocket;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A socket as a {@code REMOTE_FETCH} answer carries it: {@code {id, handshake, rooms, data}}, the
 * handshake as Node's {@code socket.handshake} object.
 *
 * <p>Thread-safety: stateless.
 */
public final class SocketDetails {
    private SocketDetails() {}

    public static Map<String, @Nullable Object> toWire(RemoteSocket socket) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        out.put("id", socket.id());
        out.put("handshake", handshakeToWire(socket.handshake()));
        out.put("rooms", new ArrayList<>(socket.rooms()));
        out.put("data", Values.fromJson(data(socket), List.of()));
        return out;
    }

    /** A socket's data as a value tree (JSON through JSON-B unless it is JSON already). */
    public static @Nullable Object dataToWire(@Nullable Object data) {
        return Values.fromJson(Binding.toJson(data), List.of());
    }

    private static @Nullable JsonValue data(RemoteSocket socket) {
        try {
            return socket.data(JsonValue.class).orElse(null);
        } catch (IllegalArgumentException notJson) {
            return Binding.toJson(socket.data(Object.class).orElse(null));
        }
    }

    static Map<String, @Nullable Object> handshakeToWire(Handshake h) {
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        Map<String, @Nullable Object> headers = new LinkedHashMap<>();
        h.headers()
                .forEach(
                        (name, values) ->
                                headers.put(
                                        name,
                                        name.equals("set-cookie")
                                                ? new ArrayList<Object>(values)
                                                : String.join(", ", values)));
        out.put("headers", headers);
        out.put("time", h.time());
        out.put("address", h.address());
        out.put("xdomain", h.xdomain());
        out.put("secure", h.secure());
        out.put("issued", h.issued());
        out.put("url", h.url());
        Map<String, @Nullable Object> query = new LinkedHashMap<>();
        h.query()
                .forEach(
                        (k, values) ->
                                query.put(
                                        k,
                                        values.size() == 1
                                                ? values.get(0)
                                                : new ArrayList<Object>(values)));
        out.put("query", query);
        out.put("auth", Values.fromJson(h.auth(), List.of()));
        return out;
    }

    public static @Nullable RemoteSocket fromWire(
            AdapterContext context, Adapter adapter, @Nullable Object wire) {
        if (!(wire instanceof Map<?, ?> map) || !(map.get("id") instanceof String id)) {
            return null;
        }
        Handshake handshake = handshakeFromWire(map.get("handshake"));
        Set<String> rooms = new LinkedHashSet<>();
        if (map.get("rooms") instanceof Collection<?> c) {
            c.forEach(r -> rooms.add(String.valueOf(r)));
        }
        Object data = map.get("data");
        return context.remoteSocket(
                adapter, id, handshake, rooms, data == null ? null : Values.toJson(data, null));
    }

    private static Handshake handshakeFromWire(@Nullable Object wire) {
        Map<?, ?> map = wire instanceof Map<?, ?> m ? m : Map.of();
        Object auth = map.get("auth");
        JsonValue authJson = Values.toJson(auth == null ? Map.of() : auth, null);
        return new Handshake(
                multi(map.get("headers"), true),
                string(map.get("time")),
                string(map.get("address")),
                Boolean.TRUE.equals(map.get("xdomain")),
                Boolean.TRUE.equals(map.get("secure")),
                map.get("issued") instanceof Number n ? n.longValue() : 0L,
                string(map.get("url")),
                multi(map.get("query"), false),
                authJson instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT);
    }

    private static String string(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    private static Map<String, List<String>> multi(@Nullable Object value, boolean lowerCase) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach(
                    (k, v) -> {
                        String key = String.valueOf(k);
                        if (lowerCase) {
                            key = key.toLowerCase(java.util.Locale.ROOT);
                        }
                        List<String> values = new ArrayList<>();
                        if (v instanceof Collection<?> c) {
                            c.forEach(x -> values.add(String.valueOf(x)));
                        } else if (v != null) {
                            values.add(String.valueOf(v));
                        }
                        out.put(key, List.copyOf(values));
                    });
        }
        return out;
    }

    /** JSON-B for socket data that is not already JSON. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create();

        private Binding() {}

        static @Nullable JsonValue toJson(@Nullable Object value) {
            if (value == null) {
                return null;
            }
            if (value instanceof JsonValue json) {
                return json;
            }
            String text = JSONB.toJson(value);
            try (var reader = Values.JSON.createReader(new java.io.StringReader(text))) {
                return reader.readValue();
            }
        }
    }
}
