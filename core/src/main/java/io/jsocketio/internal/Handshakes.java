package io.jsocketio.internal;

import io.jsocketio.Handshake;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineSocket;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@link Handshake}s as Node's {@code buildHandshake} does. */
final class Handshakes {
    /** JavaScript's {@code Date.prototype.toString()} form. */
    private static final DateTimeFormatter JS_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx '('zzzz')'", Locale.US);

    private Handshakes() {}

    static Handshake of(EngineSocket conn, JsonObject auth, Clock clock) {
        EngineRequest request = conn.request();
        Instant now = clock.instant();
        return new Handshake(
                request.headers(),
                JS_DATE.format(now.atZone(ZoneId.systemDefault())),
                address(request.remoteAddress()),
                request.header("origin").isPresent(),
                request.secure(),
                now.toEpochMilli(),
                request.url(),
                conn.protocol() == 3 ? mergedQuery(request.query(), auth) : request.query(),
                auth);
    }

    /**
     * Protocol v4 (2.x clients): the query of the CONNECT packet's namespace ({@code
     * /admin?token=1}, given here as {@code auth}) also shows in the handshake query, as with the
     * 2.x Node server: it adds the names the request's query lacks, the request's values win. (Node
     * 4.x puts it in {@code auth} only; it is there too.)
     */
    private static Map<String, List<String>> mergedQuery(
            Map<String, List<String>> query, JsonObject auth) {
        if (auth.isEmpty()) {
            return query;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>(query);
        auth.forEach(
                (k, v) ->
                        merged.putIfAbsent(
                                k,
                                List.of(v instanceof JsonString s ? s.getString() : v.toString())));
        return merged;
    }

    static String address(InetSocketAddress remote) {
        InetAddress a = remote.getAddress();
        return a != null ? a.getHostAddress() : remote.getHostString();
    }
}
