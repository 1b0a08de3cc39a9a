/**
 * Implementations of the Socket.IO layer: the server, clients (one per Engine.IO session),
 * namespaces, sockets, broadcast operators and the in-memory adapter. Not exported.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.internal;
