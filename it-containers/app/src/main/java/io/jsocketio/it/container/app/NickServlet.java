package io.jsocketio.it.container.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Stores {@code ?nick=} in the caller's HTTP session, which sockets then read. */
@WebServlet("/nick")
public class NickServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The session attribute holding the nick name. */
    public static final String ATTRIBUTE = "nick";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        request.getSession().setAttribute(ATTRIBUTE, request.getParameter("nick"));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
