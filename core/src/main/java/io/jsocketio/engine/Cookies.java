package io.jsocketio.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code Cookie} request headers ({@code a=1; b=2}) as RFC 6265 section 5.4 sends them.
 *
 * <p>Thread-safety: stateless.
 */
final class Cookies {
    private Cookies() {}

    /** The cookies of these header values; pairs without {@code =} or a name are skipped. */
    static Map<String, String> parse(List<String> headerValues) {
        if (headerValues.isEmpty()) {
            return Map.of();
        }
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String header : headerValues) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = pair.substring(0, eq).trim();
                if (!name.isEmpty()) {
                    cookies.putIfAbsent(name, unquoted(pair.substring(eq + 1).trim()));
                }
            }
        }
        return Collections.unmodifiableMap(cookies);
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
