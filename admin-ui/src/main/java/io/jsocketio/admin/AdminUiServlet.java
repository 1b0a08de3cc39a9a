package io.jsocketio.admin;

import io.jsocketio.admin.internal.UiFiles;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Serves the Admin UI's files (the {@code ui/dist} directory of the npm package {@code
 * @socket.io/admin-ui}, packed into this module's jar by the build) below the path it is mapped to,
 * e.g. {@code /admin/*}: {@code index.html} for the directory itself, {@code ETag} and {@code 304}
 * on a matching {@code If-None-Match}. A request for the mapping without its trailing slash is
 * redirected to it, so that the page's relative links resolve. Nothing else is served: unknown
 * names get 404.
 *
 * <p>The page itself loads two style sheets (fonts and icons) from public CDNs; without access to
 * the internet the UI works, with the browser's default fonts and without icons.
 *
 * <p>Thread-safety: safe for concurrent use; files are read once and kept in memory.
 */
public class AdminUiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** Serves the UI; the container calls this. */
    public AdminUiServlet() {}

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String pathInfo = req.getPathInfo();
        if (pathInfo == null) {
            String query = req.getQueryString();
            resp.sendRedirect(req.getRequestURI() + "/" + (query == null ? "" : "?" + query));
            return;
        }
        String name = pathInfo.equals("/") ? "index.html" : pathInfo.substring(1);
        Optional<UiFiles.UiFile> file = UiFiles.shared().find(name);
        if (file.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        UiFiles.UiFile f = file.get();
        resp.setHeader("ETag", f.etag());
        resp.setHeader("Cache-Control", f.cacheControl());
        String ifNoneMatch = req.getHeader("If-None-Match");
        if (f.etag().equals(ifNoneMatch) || ("W/" + f.etag()).equals(ifNoneMatch)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentType(f.contentType());
        resp.setContentLength(f.body().length);
        resp.getOutputStream().write(f.body());
    }
}
