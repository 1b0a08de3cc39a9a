package io.jsocketio.engine.internal;

import io.jsocketio.engine.EngineError;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.PollingExchange;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP answers of the polling transport, with Node's statuses, headers and bodies.
 *
 * <p>Thread-safety: stateless; {@link PollingExchange#respond} never blocks.
 */
final class PollingResponses {
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];

    private PollingResponses() {}

    /**
     * The headers every polling answer to an accepted request carries: {@code Cache-Control:
     * no-store}, {@code X-XSS-Protection: 0} for old Internet Explorers, and the CORS headers.
     */
    static Map<String, String> baseHeaders(EngineRequest request, Map<String, String> cors) {
        Map<String, String> h = new LinkedHashMap<>(cors);
        h.put("Cache-Control", "no-store");
        String ua = request.header("user-agent").orElse("");
        if (ua.contains(";MSIE") || ua.contains("Trident/")) {
            h.put("X-XSS-Protection", "0");
        }
        return h;
    }

    /** 200 {@code ok} (Content-Type text/html, as Node), the answer to an accepted POST. */
    static void ok(PollingExchange exchange, Map<String, String> base) {
        Map<String, String> h = new LinkedHashMap<>(base);
        h.put("Content-Type", "text/html");
        exchange.respond(200, h, OK);
    }

    /**
     * 200 with an encoded payload, compressed when it is at least {@code threshold} bytes ({@code
     * threshold < 0}: never) and the client accepts gzip or deflate.
     */
    static void payload(
            PollingExchange exchange,
            Map<String, String> base,
            ProtocolRevision.PollingBody body,
            int threshold) {
        Map<String, String> h = new LinkedHashMap<>(base);
        h.put("Content-Type", body.contentType());
        byte[] bytes = body.bytes();
        if (threshold >= 0 && bytes.length >= threshold) {
            String encoding =
                    exchange.request()
                            .header("accept-encoding")
                            .map(HttpCompression::negotiate)
                            .orElse(null);
            if (encoding != null) {
                bytes = HttpCompression.compress(bytes, encoding);
                h.put("Content-Encoding", encoding);
            }
        }
        exchange.respond(200, h, bytes);
    }

    /** The JSON error answer: {@code {"code":N,"message":"..."}} with the error's status. */
    static void error(
            PollingExchange exchange, Map<String, String> cors, EngineError error, String message) {
        Map<String, String> h = new LinkedHashMap<>(cors);
        h.put("Content-Type", "application/json");
        String json = "{\"code\":" + error.code() + ",\"message\":" + Json.quote(message) + "}";
        exchange.respond(error.status(), h, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A bare status without body (413, the second of two overlapping polls). */
    static void status(PollingExchange exchange, Map<String, String> cors, int status) {
        exchange.respond(status, new LinkedHashMap<>(cors), EMPTY);
    }
}
