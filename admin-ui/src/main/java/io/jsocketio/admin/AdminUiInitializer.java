package io.jsocketio.admin;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.Set;

/**
 * Serves the Admin UI in a WAR that has this module in {@code WEB-INF/lib}: the container runs it
 * at start-up and it maps {@link AdminUiServlet} at {@code /admin/*}. The context parameter {@value
 * #PATH_PARAM} chooses another path ({@code /ops/ui/}) or, set to {@code false}, serves nothing.
 * The UI only holds static files; what it shows needs the admin namespace ({@link AdminUi}) and its
 * login.
 *
 * <p>Thread-safety: stateless.
 */
public final class AdminUiInitializer implements ServletContainerInitializer {
    /** The context parameter naming the UI's path, default {@value #DEFAULT_PATH}. */
    public static final String PATH_PARAM = "io.jsocketio.admin.path";

    /** Where the UI is served by default. */
    public static final String DEFAULT_PATH = "/admin/";

    /** The container calls this. */
    public AdminUiInitializer() {}

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        String path = ctx.getInitParameter(PATH_PARAM);
        if (path == null || path.isBlank()) {
            path = DEFAULT_PATH;
        }
        if (path.equals("false")) {
            return;
        }
        serve(ctx, path);
    }

    /**
     * Maps {@link AdminUiServlet} at {@code path} (e.g. {@code /admin/}) in {@code ctx}.
     *
     * @throws IllegalArgumentException when the path does not start and end with a slash
     */
    public static void serve(ServletContext ctx, String path) {
        if (!path.startsWith("/") || !path.endsWith("/") || path.length() < 2) {
            throw new IllegalArgumentException(
                    PATH_PARAM + ": a path such as /admin/, not " + path);
        }
        ServletRegistration.Dynamic r = ctx.addServlet("jsocketio-admin-ui", AdminUiServlet.class);
        if (r != null) {
            String base = path.substring(0, path.length() - 1);
            r.addMapping(base + "/*", base);
        }
    }
}
