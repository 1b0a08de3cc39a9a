package io.jsocketio.it.container.app;

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
 * {@code GET} answers the entries, {@code DELETE} invalidates the session (a logout).
 */
@WebServlet("/visits")
public class VisitsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject transient Visits visits;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
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
