package io.jsocketio.admin.internal;

import io.jsocketio.Handshake;
import io.jsocketio.RemoteSocket;
import io.jsocketio.Socket;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A socket as the UI reads it ({@code SerializedSocket}: id, clientId, transport, nsp, data,
 * handshake, rooms) and timestamps as JavaScript's {@code Date} serializes them.
 *
 * <p>Thread-safety: stateless.
 */
public final class Serializer {
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Serializer() {}

    /** {@code new Date().toJSON()}. */
    public static String date(Instant instant) {
        return ISO.format(instant);
    }

    /**
     * A local socket or one fetched from another server. For a local socket the client id (the
     * first 12 characters of the Engine.IO session id) and transport come from its connection; for
     * a remote one from its data's {@code _admin} entry when its server put one there (as Node's
     * admin-ui does), else they are absent.
     */
    public static Map<String, Object> socket(RemoteSocket socket, String nsp) {
        Map<String, Object> data = data(socket);
        Object admin = data.remove("_admin");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", socket.id());
        if (socket instanceof Socket local) {
            String sid = local.conn().id();
            out.put("clientId", sid.substring(0, Math.min(12, sid.length())));
            out.put("transport", local.conn().transport());
        } else if (admin instanceof Map<?, ?> a) {
            putIfPresent(out, "clientId", a.get("clientId"));
            putIfPresent(out, "transport", a.get("transport"));
        }
        out.put("nsp", nsp);
        out.put("data", data);
        out.put("handshake", handshake(socket.handshake()));
        out.put("rooms", new ArrayList<>(socket.rooms()));
        return out;
    }

    /** The socket's data as a JSON object; a value that is no object is shown as {@code value}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(RemoteSocket socket) {
        Optional<Object> raw;
        try {
            raw = socket.data(Object.class);
        } catch (IllegalArgumentException e) {
            return new LinkedHashMap<>();
        }
        if (raw.isEmpty()) {
            return new LinkedHashMap<>();
        }
        if (raw.get() instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        wrapped.put("value", raw.get());
        return wrapped;
    }

    private static Map<String, Object> handshake(Handshake h) {
        Map<String, Object> out = new LinkedHashMap<>();
        String address =
                h.header("cf-connecting-ip")
                        .or(() -> h.header("x-forwarded-for"))
                        .orElse(h.address());
        out.put("address", address);
        out.put("headers", flatten(h.headers(), ", "));
        out.put("query", queryValues(h.query()));
        out.put("issued", h.issued());
        out.put("secure", h.secure());
        out.put("time", h.time());
        out.put("url", h.url());
        out.put("xdomain", h.xdomain());
        return out;
    }

    private static Map<String, Object> flatten(Map<String, List<String>> values, String sep) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, String.join(sep, v)));
        return out;
    }

    /** One value as a string, several as an array (Node's query parser). */
    private static Map<String, Object> queryValues(Map<String, List<String>> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.size() == 1 ? v.get(0) : List.copyOf(v)));
        return out;
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
