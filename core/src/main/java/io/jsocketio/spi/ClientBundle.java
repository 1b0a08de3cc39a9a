package io.jsocketio.spi;

import io.jsocketio.engine.StaticFiles;

/**
 * The Socket.IO client files served below the server's path when {@code serveClient} is on ({@code
 * socket.io.js}, {@code socket.io.min.js}, {@code socket.io.esm.min.js}, {@code
 * socket.io.msgpack.min.js} and their maps). Found with {@link java.util.ServiceLoader}; the
 * client-bundle module provides it. Without one, {@code serveClient} serves nothing.
 *
 * <p>Thread-safety: implementations are immutable and safe for concurrent use.
 */
public interface ClientBundle extends StaticFiles {}
