/**
 * The hosting SPIs: how a server gets onto an HTTP server. An {@link
 * io.jsocketio.hosting.EmbeddedServerProvider} starts one of its own ({@code new Server(3000)}; the
 * embedded Jetty module provides it); a {@link io.jsocketio.hosting.ContainerAttacher} installs the
 * transports in a container object ({@code new Server(servletContext)}; the WebSocket transport
 * module provides it). Both are found with {@link java.util.ServiceLoader}, on the class path
 * ({@code META-INF/services}) and on the module path ({@code provides}/{@code uses}).
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.hosting;
