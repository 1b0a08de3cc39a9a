package io.jsocketio.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code cors} option of the Node server: which origins may call the engine from a browser, and
 * the CORS headers sent to them. A request from a refused origin is answered 403.
 *
 * <p>Thread-safety: immutable.
 *
 * @param origin which origins pass
 * @param credentials whether {@code Access-Control-Allow-Credentials: true} is sent (then the
 *     request's origin is echoed instead of {@code *})
 * @param methods the methods announced to preflights
 * @param allowedHeaders the headers announced to preflights; empty echoes the request's {@code
 *     Access-Control-Request-Headers}
 * @param exposedHeaders the {@code Access-Control-Expose-Headers} value, empty for none
 * @param maxAge how long a preflight may be cached, or null for no header
 */
public record CorsOptions(
        OriginPolicy origin,
        boolean credentials,
        List<String> methods,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        @Nullable Duration maxAge) {

    public CorsOptions {
        Objects.requireNonNull(origin, "origin");
        methods = List.copyOf(methods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
    }

    /** CORS for the given origin policy, with the cors package's other defaults. */
    public static CorsOptions of(OriginPolicy origin) {
        return new CorsOptions(
                origin,
                false,
                List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"),
                List.of(),
                List.of(),
                null);
    }

    /** CORS open to every origin ({@code cors: {origin: "*"}}). */
    public static CorsOptions anyOrigin() {
        return of(OriginPolicy.any());
    }

    /** A copy with credentials allowed or not. */
    public CorsOptions withCredentials(boolean credentials) {
        return new CorsOptions(
                origin, credentials, methods, allowedHeaders, exposedHeaders, maxAge);
    }
}
