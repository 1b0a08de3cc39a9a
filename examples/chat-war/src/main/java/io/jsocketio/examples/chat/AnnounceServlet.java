package io.jsocketio.examples.chat;

import io.jsocketio.Server;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code POST /announce?text=...} broadcasts to every chat client through the injected server (a
 * JAX-RS resource would do the same on a full Jakarta EE server).
 */
@WebServlet("/announce")
public class AnnounceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject transient Server io;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        String text = request.getParameter("text");
        if (text == null || text.isBlank()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        io.of("/chat").emit("announcement", text);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
