package io.jsocketio.engine;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which origins may reach the engine: the 4.x {@code cors.origin} option and the 2.x {@code
 * origins} option both end here. A request without an {@code Origin} header (a non-browser client)
 * is always allowed; a refused origin is answered 403.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use; they run on container threads
 * and must not block.
 */
@FunctionalInterface
public interface OriginPolicy {

    /**
     * Whether {@code origin} (the header's value, e.g. {@code https://a.example:8443}) may pass.
     */
    boolean allows(String origin, EngineRequest request);

    /**
     * Every origin passes. Always the same instance, so that CORS can answer {@code
     * Access-Control-Allow-Origin: *} for it.
     */
    static OriginPolicy any() {
        return OriginPolicies.ANY;
    }

    /**
     * Only the page's own origin passes: the {@code Origin} header's host and port equal the
     * request's {@code Host} header. The default when nothing is configured.
     */
    static OriginPolicy sameOrigin() {
        return (origin, request) -> {
            Optional<String> host = request.header("host");
            Optional<HostPort> o = HostPort.parse(origin);
            return host.isPresent()
                    && o.isPresent()
                    && o.get().authority().equalsIgnoreCase(host.get());
        };
    }

    /**
     * Exactly the listed origins pass ({@code cors: {origin: [...]}}), compared as full origins
     * ({@code scheme://host[:port]}), case-insensitively.
     */
    static OriginPolicy allowList(List<String> origins) {
        List<String> normalized = origins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
        return (origin, request) -> normalized.contains(origin.toLowerCase(Locale.ROOT));
    }

    /**
     * The 2.x {@code origins} option: a list of {@code host:port} patterns where either side may be
     * {@code *} ({@code "*:*"} allows all, {@code "example.com:*"} any port of example.com). The
     * port of an origin without one is 443 for https and 80 otherwise.
     */
    static OriginPolicy hostPortPatterns(List<String> patterns) {
        List<String> copy = List.copyOf(patterns);
        return (origin, request) -> {
            Optional<HostPort> parsed = HostPort.parse(origin);
            if (parsed.isEmpty()) {
                return false;
            }
            HostPort hp = parsed.get();
            for (String pattern : copy) {
                int colon = pattern.lastIndexOf(':');
                String host = colon < 0 ? pattern : pattern.substring(0, colon);
                String port = colon < 0 ? "*" : pattern.substring(colon + 1);
                boolean hostOk = host.equals("*") || host.equalsIgnoreCase(hp.host());
                boolean portOk = port.equals("*") || port.equals(Integer.toString(hp.port()));
                if (hostOk && portOk) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The host and port of an origin. */
    record HostPort(String host, int port, boolean explicitPort) {
        public HostPort {
            Objects.requireNonNull(host);
        }

        /** {@code host[:port]} as a Host header carries it. */
        String authority() {
            return explicitPort ? host + ":" + port : host;
        }

        static Optional<HostPort> parse(String origin) {
            try {
                URI uri = URI.create(origin);
                if (uri.getHost() == null) {
                    return Optional.empty();
                }
                boolean https = "https".equalsIgnoreCase(uri.getScheme());
                int port = uri.getPort() >= 0 ? uri.getPort() : (https ? 443 : 80);
                return Optional.of(new HostPort(uri.getHost(), port, uri.getPort() >= 0));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
