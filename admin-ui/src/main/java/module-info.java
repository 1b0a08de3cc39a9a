/** jsocketio admin UI: the server side of the official Socket.IO Admin UI and the UI's files. */
module io.jsocketio.admin {
    requires transitive io.jsocketio.core;
    requires static jakarta.servlet;
    requires static org.jspecify;
    requires spring.security.crypto;

    exports io.jsocketio.admin;

    provides jakarta.servlet.ServletContainerInitializer with
            io.jsocketio.admin.AdminUiInitializer;
}
