package io.jsocketio.servlet.internal;

import io.jsocketio.engine.EngineRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable {@link EngineRequest}, built once from a container's request.
 *
 * <p>Thread-safety: immutable; safe to share and to keep after the exchange ended.
 *
 * @param method upper-case HTTP method
 * @param path the path relative to the servlet context, without query
 * @param queryString the raw query, without {@code ?}, or empty
 * @param query the decoded query, in order of appearance
 * @param headers the headers keyed by lower-case name
 * @param remoteAddress the peer's address
 * @param secure whether the request came over TLS
 * @param web the user and HTTP session the container knew for the request
 */
public record RequestSnapshot(
        String method,
        String path,
        String queryString,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        InetSocketAddress remoteAddress,
        boolean secure,
        WebContext web)
        implements EngineRequest {

    public RequestSnapshot {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(queryString, "queryString");
        query = frozen(query);
        headers = frozen(headers);
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(web, "web");
    }

    /** A snapshot without user or session. */
    public RequestSnapshot(
            String method,
            String path,
            String queryString,
            Map<String, List<String>> query,
            Map<String, List<String>> headers,
            InetSocketAddress remoteAddress,
            boolean secure) {
        this(method, path, queryString, query, headers, remoteAddress, secure, WebContext.NONE);
    }

    /** This snapshot with the user and session the container knew. */
    public RequestSnapshot withWeb(WebContext context) {
        return new RequestSnapshot(
                method, path, queryString, query, headers, remoteAddress, secure, context);
    }

    /** This snapshot with another peer address. */
    public RequestSnapshot withRemoteAddress(InetSocketAddress address) {
        return new RequestSnapshot(method, path, queryString, query, headers, address, secure, web);
    }

    @Override
    public Optional<Principal> userPrincipal() {
        return Optional.ofNullable(web.principal());
    }

    @Override
    public boolean isUserInRole(String role) {
        Objects.requireNonNull(role, "role");
        if (web.principal() == null) {
            return false;
        }
        Boolean answer = web.roles().get(role);
        if (answer == null) {
            throw new IllegalArgumentException(
                    "the role '"
                            + role
                            + "' was not recorded at the request: add it to the roles option"
                            + " (ServerOptions.Builder.roles)");
        }
        return answer;
    }

    @Override
    public Optional<String> sessionId() {
        return Optional.ofNullable(web.sessionId());
    }

    /** Builds a snapshot, decoding the query and lower-casing header names. */
    public static RequestSnapshot of(
            String method,
            String path,
            String queryString,
            Map<String, List<String>> rawHeaders,
            InetSocketAddress remoteAddress,
            boolean secure) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        rawHeaders.forEach(
                (name, values) ->
                        headers.computeIfAbsent(
                                        name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                                .addAll(values));
        return new RequestSnapshot(
                method.toUpperCase(Locale.ROOT),
                path,
                queryString,
                decodeQuery(queryString),
                headers,
                remoteAddress,
                secure);
    }

    /**
     * Decodes an {@code application/x-www-form-urlencoded} query, keeping the order of first
     * appearance of each name; a malformed escape keeps the raw text.
     */
    public static Map<String, List<String>> decodeQuery(String queryString) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (queryString.isEmpty()) {
            return query;
        }
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /**
     * The address of a peer given as text by the container. An IP literal is parsed without any
     * name lookup; anything else (a host name, a Unix socket) stays unresolved.
     */
    public static InetSocketAddress address(String host, int port) {
        int p = port < 0 || port > 0xFFFF ? 0 : port;
        if (isIpLiteral(host)) {
            try {
                // a literal is parsed, never looked up
                return new InetSocketAddress(InetAddress.getByName(host), p);
            } catch (UnknownHostException | SecurityException e) {
                // fall through to an unresolved address
            }
        }
        return InetSocketAddress.createUnresolved(host.isEmpty() ? "unknown" : host, p);
    }

    private static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true; // IPv6, maybe bracketed or scoped
        }
        if (host.isEmpty()) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static Map<String, List<String>> frozen(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(copy);
    }
}
