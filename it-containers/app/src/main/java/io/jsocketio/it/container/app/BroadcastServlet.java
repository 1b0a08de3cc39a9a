package io.jsocketio.it.container.app;

import io.jsocketio.Server;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A plain servlet that broadcasts to /chat through the injected Server. */
@WebServlet("/broadcast")
public class BroadcastServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject transient Server io;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        io.of("/chat").emit("news", request.getParameter("text"));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
