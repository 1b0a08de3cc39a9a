package io.jsocketio.internal;

import io.jsocketio.Handshake;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.EngineSocket;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
                request.query(),
                auth);
    }

    static String address(InetSocketAddress remote) {
        InetAddress a = remote.getAddress();
        return a != null ? a.getHostAddress() : remote.getHostString();
    }
}
