/**
 * Implementations of the Socket.IO layer: the server, clients (one per Engine.IO session),
 * namespaces, sockets, broadcast operators, the in-memory adapter and the client bundle. Not
 * exported.
 */
@org.jspecify.annotations.NullMarked
package io.jsocketio.internal;
