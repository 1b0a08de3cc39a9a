/**
 * jsocketio WebSocket transport: Engine.IO over JSR-356 ({@code jakarta.websocket}) on any Jakarta
 * EE 10 container, and the one call that installs both transports on a {@code ServletContext}.
 */
module io.jsocketio.websocket {
    requires transitive io.jsocketio.core;
    requires transitive io.jsocketio.servlet;
    requires transitive jakarta.websocket;
    requires transitive jakarta.servlet;
    requires static org.jspecify;

    exports io.jsocketio.websocket;

    provides io.jsocketio.hosting.ContainerAttacher with
            io.jsocketio.websocket.internal.ServletContextAttacher;
}
