package io.jsocketio.it.container.plain;

import io.jsocketio.Server;
import io.jsocketio.cdi.SocketIoServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Wires the /plain namespace by hand on the server the web.xml registration created. */
@WebListener
public class PlainSetup implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        Server io = SocketIoServlet.server(event.getServletContext());
        io.of("/plain")
                .onConnection(
                        socket -> socket.on("echo", (args, ack) -> ack.send(args.getString(0))));
    }
}
