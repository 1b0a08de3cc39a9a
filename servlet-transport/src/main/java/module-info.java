/** jsocketio servlet transport: Engine.IO long-polling on any Servlet 6 container. */
module io.jsocketio.servlet {
    requires transitive io.jsocketio.core;
    requires transitive jakarta.servlet;
    requires static org.jspecify;

    exports io.jsocketio.servlet;
    // the WebSocket transport and the embedded Jetty build their snapshots with the same code
    exports io.jsocketio.servlet.internal to
            io.jsocketio.websocket,
            io.jsocketio.jetty;
}
