package io.jsocketio;

import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The details of the request that opened a socket's connection ({@code socket.handshake}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param headers the request headers, keyed by lower-case name
 * @param time when the socket was created, as JavaScript's {@code Date.toString()} writes it
 * @param address the client's IP address
 * @param xdomain whether the request carried an {@code Origin} header (a cross-domain request)
 * @param secure whether the connection uses TLS
 * @param issued when the socket was created, in milliseconds since the epoch
 * @param url the request URL (path and query string)
 * @param query the query parameters
 * @param auth the client's auth payload ({@code {}} when it sent none); its getters answer an empty
 *     value for a missing name ({@code auth().getString("token")} is {@code ""} when the client
 *     sent no token, {@code getInt} 0, {@code getBoolean} false), as JavaScript's {@code undefined}
 *     reads
 */
public record Handshake(
        Map<String, List<String>> headers,
        String time,
        String address,
        boolean xdomain,
        boolean secure,
        long issued,
        String url,
        Map<String, List<String>> query,
        JsonObject auth) {

    public Handshake {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(url, "url");
        query = Map.copyOf(query);
        auth = LenientJsonObject.of(auth);
    }

    /** The first value of a header, the name matched case-insensitively. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter. */
    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The auth payload mapped to {@code type} through JSON-B (a record or bean).
     *
     * @throws IllegalArgumentException when it cannot be mapped
     */
    public <T> T auth(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (type.isInstance(auth)) {
            return type.cast(auth);
        }
        try {
            return AuthBinding.JSONB.fromJson(auth.toString(), type);
        } catch (JsonbException e) {
            throw new IllegalArgumentException(
                    "the auth payload cannot be mapped to "
                            + type.getName()
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** The JSON-B instance for {@link #auth(Class)}, created on first use. */
    private static final class AuthBinding {
        static final Jsonb JSONB = JsonbBuilder.create();
    }
}
