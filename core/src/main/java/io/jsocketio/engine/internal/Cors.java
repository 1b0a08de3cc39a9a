package io.jsocketio.engine.internal;

import io.jsocketio.engine.CorsOptions;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.OriginPolicy;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The origin check and the CORS headers, with the answers of Node's {@code cors} package: {@code
 * Access-Control-Allow-Origin} is {@code *} for {@link OriginPolicy#any()} without credentials and
 * the request's origin otherwise (with {@code Vary: Origin}); preflights get the methods, the
 * allowed headers (or the requested ones, echoed), credentials and max age, and answer 204.
 *
 * <p>Without {@code cors} options no CORS header is ever written and the origin policy is {@link
 * OriginPolicy#sameOrigin()}.
 *
 * <p>Thread-safety: immutable.
 */
final class Cors {
    private static final System.Logger LOG = System.getLogger(Cors.class.getName());

    private final @Nullable CorsOptions options;
    private final OriginPolicy policy;
    private final boolean wildcard;

    Cors(@Nullable CorsOptions options, OriginPolicy policy) {
        this.options = options;
        this.policy = policy;
        this.wildcard = options != null && options.origin() == OriginPolicy.any();
    }

    /** Whether CORS options are configured (then OPTIONS requests are preflights). */
    boolean enabled() {
        return options != null;
    }

    /**
     * Whether the request's origin passes the policy; a request without an {@code Origin} header
     * always passes.
     */
    boolean allows(EngineRequest request) {
        Optional<String> origin = request.header("origin");
        if (origin.isEmpty()) {
            return true;
        }
        try {
            return policy.allows(origin.get(), request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the origin policy failed; the request is refused", e);
            return false;
        }
    }

    /** Whether the Origin header holds characters no header value may hold (Node: code 3). */
    static boolean hasInvalidOrigin(EngineRequest request) {
        Optional<String> origin = request.header("origin");
        if (origin.isEmpty()) {
            return false;
        }
        String s = origin.get();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                return true;
            }
        }
        return false;
    }

    /** The CORS headers of an ordinary response to an allowed request; empty without options. */
    Map<String, String> headers(EngineRequest request) {
        if (options == null) {
            return Map.of();
        }
        Map<String, String> h = new LinkedHashMap<>();
        allowOrigin(request, h);
        if (!options.exposedHeaders().isEmpty()) {
            h.put("Access-Control-Expose-Headers", String.join(",", options.exposedHeaders()));
        }
        return h;
    }

    /** The headers of a 204 answer to a preflight of an allowed request. */
    Map<String, String> preflightHeaders(EngineRequest request) {
        Map<String, String> h = new LinkedHashMap<>();
        allowOrigin(request, h);
        h.put("Access-Control-Allow-Methods", String.join(",", options.methods()));
        if (!options.allowedHeaders().isEmpty()) {
            h.put("Access-Control-Allow-Headers", String.join(",", options.allowedHeaders()));
        } else {
            Optional<String> requested = request.header("access-control-request-headers");
            if (requested.isPresent()) {
                h.put("Access-Control-Allow-Headers", requested.get());
            }
            vary(h, "Access-Control-Request-Headers");
        }
        if (options.maxAge() != null) {
            h.put("Access-Control-Max-Age", Long.toString(options.maxAge().toSeconds()));
        }
        h.put("Content-Length", "0");
        return h;
    }

    private void allowOrigin(EngineRequest request, Map<String, String> h) {
        Optional<String> origin = request.header("origin");
        if (wildcard && !options.credentials()) {
            h.put("Access-Control-Allow-Origin", "*");
        } else {
            if (origin.isPresent()) {
                h.put("Access-Control-Allow-Origin", origin.get());
            }
            vary(h, "Origin");
        }
        if (options.credentials()) {
            h.put("Access-Control-Allow-Credentials", "true");
        }
    }

    private static void vary(Map<String, String> h, String value) {
        h.merge("Vary", value, (a, b) -> a + ", " + b);
    }
}
