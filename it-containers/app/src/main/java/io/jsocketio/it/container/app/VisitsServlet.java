package io.jsocketio.it.container.app;

import io.jsocketio.Server;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The servlet side of {@link Visits}: {@code POST ?add=} adds an entry (creating the HTTP session),
 * {@code GET} answers the entries, {@code DELETE} invalidates the session (a logout); {@code POST
 * ?disconnect=} disconnects the /visits socket of that id.
 */
@WebServlet("/visits")
public class VisitsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject transient Visits visits;
    @Inject transient Server io;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        String disconnect = request.getParameter("disconnect");
        if (disconnect != null) {
            // the socket's disconnect handler may run right here, inside this request
            io.of("/visits").in(disconnect).disconnectSockets();
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        request.getSession(true);
        visits.add(request.getParameter("add"));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/plain");
        response.getOutputStream().write(visits.entries().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
