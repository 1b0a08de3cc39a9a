package io.jsocketio.servlet.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link RequestSnapshot}s from servlet requests.
 *
 * <p>Thread-safety: stateless. Call it on the thread the container dispatched the request on.
 */
public final class ServletRequests {
    private ServletRequests() {}

    /**
     * The snapshot of a request. Its path is relative to the servlet context (what follows {@code
     * getContextPath()} in the request URI, still encoded), so that it starts with the engine's
     * {@code path} option wherever the application is deployed.
     */
    public static RequestSnapshot snapshot(HttpServletRequest request) {
        return snapshot(request, Set.of());
    }

    /**
     * The snapshot of a request with its user (and the answers for {@code roles}) and its HTTP
     * session, never created here; see {@link #snapshot(HttpServletRequest)}.
     */
    public static RequestSnapshot snapshot(HttpServletRequest request, Set<String> roles) {
        return RequestSnapshot.of(
                        request.getMethod(),
                        contextRelativePath(request),
                        nullToEmpty(request.getQueryString()),
                        headers(request),
                        RequestSnapshot.address(
                                nullToEmpty(request.getRemoteAddr()), request.getRemotePort()),
                        request.isSecure())
                .withWeb(WebContext.of(request, roles));
    }

    /** The request URI without the context path; {@code /} when nothing is left. */
    public static String contextRelativePath(HttpServletRequest request) {
        String uri = nullToEmpty(request.getRequestURI());
        String context = nullToEmpty(request.getContextPath());
        String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            List<String> values = new ArrayList<>();
            request.getHeaders(name).asIterator().forEachRemaining(values::add);
            headers.put(name, values);
        }
        return headers;
    }

    private static String nullToEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
