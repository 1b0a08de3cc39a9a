package io.jsocketio.cdi.internal;

import jakarta.servlet.ServletContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.regex.Pattern;

/**
 * Keeps Weld's HTTP request, session and conversation contexts off the Socket.IO path, through
 * Weld's documented {@code org.jboss.weld.context.mapping} context parameter (the requests whose
 * path matches get Weld's contexts). The engine's requests run no application code of their own,
 * and its long polls are asynchronous requests, which Weld cannot follow on Tomcat: the contexts it
 * activates for them stay behind on the container's threads, where socket handlers later run (and a
 * request the container completes on such a thread during a handler call ends them). Without them,
 * the contexts active in a handler are only the ones jsocketio activates for the call. An
 * application that sets the parameter itself keeps its own value.
 *
 * <p>Thread-safety: stateless.
 */
final class WeldContextMapping {
    /** Weld's context parameter (Weld reference guide, "Mapping CDI contexts to HTTP requests"). */
    static final String PARAMETER = "org.jboss.weld.context.mapping";

    /** A class of weld-servlet, Weld's integration for servlet containers. */
    static final String WELD_SERVLET = "org.jboss.weld.environment.servlet.EnhancedListener";

    private static final Logger LOG = System.getLogger(WeldContextMapping.class.getName());

    private WeldContextMapping() {}

    /** The pattern matching every context-relative path except those under {@code path}. */
    static String outside(String path) {
        return "(?!" + Pattern.quote(path) + ").*";
    }

    /**
     * Sets the parameter to exclude {@code path} when the application runs weld-servlet (Tomcat,
     * Jetty) unless it has set the parameter itself. A Jakarta EE server's own Weld (WildFly) is
     * left alone: it follows asynchronous requests, and it would see a FORM login page that the
     * server forwards an engine request to as a request whose contexts were never activated.
     */
    static void excludeFromWeldContexts(ServletContext context, String path) {
        if (!weldServlet(context)) {
            LOG.log(
                    Level.DEBUG,
                    "no weld-servlet: Weld's HTTP contexts left as the server maps them");
            return;
        }
        String pattern = outside(path);
        if (context.setInitParameter(PARAMETER, pattern)) {
            LOG.log(Level.DEBUG, () -> "Weld's HTTP contexts mapped to " + pattern);
        } else {
            LOG.log(
                    Level.DEBUG,
                    () ->
                            "the application sets "
                                    + PARAMETER
                                    + " itself: "
                                    + context.getInitParameter(PARAMETER));
        }
    }

    private static boolean weldServlet(ServletContext context) {
        try {
            Class.forName(WELD_SERVLET, false, context.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return false;
        }
    }
}
