package io.jsocketio.cdi;

import io.jsocketio.Server;
import io.jsocketio.cdi.internal.ServerHolder;
import io.jsocketio.servlet.EngineServlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The servlet a WAR registers in {@code web.xml} to serve Socket.IO; nothing else is needed:
 *
 * <pre>{@code
 * <servlet>
 *   <servlet-name>socket.io</servlet-name>
 *   <servlet-class>io.jsocketio.cdi.SocketIoServlet</servlet-class>
 *   <init-param><param-name>path</param-name><param-value>/socket.io/</param-value></init-param>
 *   <init-param><param-name>serveClient</param-name><param-value>true</param-value></init-param>
 *   <load-on-startup>1</load-on-startup>
 *   <async-supported>true</async-supported>
 * </servlet>
 * <servlet-mapping><servlet-name>socket.io</servlet-name><url-pattern>/socket.io/*</url-pattern></servlet-mapping>
 * }</pre>
 *
 * <p>A container initializer in this jar reads the registration, installs the WebSocket endpoint on
 * the same path, and checks that the mapping is {@code <path>*}. The servlet serves the
 * long-polling transport (and the client bundle with {@code serveClient}) of the application's
 * {@link Server}: the CDI bean when the application uses CDI (inject it with {@code @Inject Server
 * io}), otherwise a server created from the init parameters, which {@link #server(ServletContext)}
 * returns. Init parameters: {@code path} (default {@code /socket.io/}), {@code serveClient}
 * (default {@code true}).
 *
 * <p>Thread-safety: safe for concurrent use; it keeps no per-request state.
 */
public final class SocketIoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient @Nullable EngineServlet delegate;

    /** Created by the container from the {@code web.xml} registration. */
    public SocketIoServlet() {}

    /**
     * The Socket.IO server of a web application that registered this servlet, resolved on the first
     * call (the CDI bean, or a server made from the init parameters).
     *
     * @throws IllegalStateException when the application did not register the servlet
     */
    public static Server server(ServletContext context) {
        return holder(context).server();
    }

    private static ServerHolder holder(ServletContext context) {
        Object holder = context.getAttribute(ServerHolder.ATTRIBUTE);
        if (!(holder instanceof ServerHolder h)) {
            throw new IllegalStateException(
                    "jsocketio: no SocketIoServlet registered in web.xml of this application, or"
                            + " the container did not run its ServletContainerInitializer");
        }
        return h;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        EngineServlet servlet;
        try {
            servlet = new EngineServlet(holder(config.getServletContext()).mount());
        } catch (IllegalStateException e) {
            throw new ServletException(e.getMessage(), e);
        }
        servlet.init(config);
        delegate = servlet;
    }

    @Override
    public void service(ServletRequest request, ServletResponse response)
            throws ServletException, IOException {
        EngineServlet servlet = delegate;
        if (servlet == null) {
            throw new ServletException("jsocketio: servlet not initialized");
        }
        servlet.service(request, response);
    }
}
