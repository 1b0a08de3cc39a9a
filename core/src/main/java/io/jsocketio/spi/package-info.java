/**
 * Service provider interfaces of the Socket.IO layer: the {@link io.jsocketio.spi.Adapter} (rooms
 * and broadcasting, the in-memory default or a cluster adapter) and what it is given. How a server
 * gets onto an HTTP server is in {@link io.jsocketio.hosting}.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.spi;
