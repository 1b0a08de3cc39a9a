package io.jsocketio.engine.testing;

import io.jsocketio.engine.EngineRequest;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link EngineRequest} made from a method and a URL ({@code
 * /engine.io/?EIO=4&transport=polling}), with headers added by {@link #header}. Each {@code header}
 * call returns a new request.
 *
 * <p>Thread-safety: immutable.
 */
public final class FakeEngineRequest implements EngineRequest {
    private final String method;
    private final String path;
    private final String queryString;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;

    private FakeEngineRequest(String method, String url, Map<String, List<String>> headers) {
        this.method = method;
        int q = url.indexOf('?');
        this.path = q < 0 ? url : url.substring(0, q);
        this.queryString = q < 0 ? "" : url.substring(q + 1);
        this.query = parse(queryString);
        this.headers = headers;
    }

    /** A request with this method (upper case) and URL. */
    public static FakeEngineRequest of(String method, String url) {
        return new FakeEngineRequest(method, url, Map.of());
    }

    /** A GET. */
    public static FakeEngineRequest get(String url) {
        return of("GET", url);
    }

    /** A copy with one more header value. */
    public FakeEngineRequest header(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.merge(
                name.toLowerCase(Locale.ROOT),
                List.of(value),
                (a, b) -> {
                    List<String> l = new ArrayList<>(a);
                    l.addAll(b);
                    return List.copyOf(l);
                });
        return new FakeEngineRequest(method, url(), Map.copyOf(copy));
    }

    private static Map<String, List<String>> parse(String qs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        if (qs.isEmpty()) {
            return Map.of();
        }
        for (String pair : qs.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            m.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        m.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(frozen);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String queryString() {
        return queryString;
    }

    @Override
    public Map<String, List<String>> query() {
        return query;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 54321);
    }

    @Override
    public boolean secure() {
        return false;
    }

    @Override
    public String toString() {
        return method + " " + url();
    }
}
