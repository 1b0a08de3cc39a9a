/**
 * jsocketio CDI extension: {@code @Namespace} beans, an injectable {@code Server}, and the {@code
 * web.xml} servlet that installs both transports.
 */
module io.jsocketio.cdi {
    requires transitive io.jsocketio.core;
    requires transitive io.jsocketio.servlet;
    requires transitive io.jsocketio.handlers;
    requires io.jsocketio.websocket;
    requires jakarta.websocket;
    requires transitive jakarta.cdi;
    requires jakarta.annotation;
    requires transitive jakarta.inject;
    requires transitive jakarta.servlet;
    requires static org.jspecify;
    // optional: Weld's bound session context (the session context in handlers), when present
    requires static weld.api;

    exports io.jsocketio.cdi;

    // Weld creates the bean instances and proxies of this module's internals reflectively
    opens io.jsocketio.cdi.internal;

    provides jakarta.enterprise.inject.spi.Extension with
            io.jsocketio.cdi.internal.SocketIoExtension;
    provides jakarta.servlet.ServletContainerInitializer with
            io.jsocketio.cdi.internal.SocketIoInitializer;
}
