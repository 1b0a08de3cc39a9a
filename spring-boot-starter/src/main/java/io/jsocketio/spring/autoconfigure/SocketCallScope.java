package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Socket;

/**
 * What surrounds each call of a {@code @Namespace} bean's handler or middleware: nothing, or the
 * socket's Spring Security context when Spring Security is present.
 *
 * <p>Thread-safety: implementations are safe for concurrent use.
 */
@FunctionalInterface
interface SocketCallScope {
    /** Runs {@code call} for {@code socket} inside the scope. */
    void run(Socket socket, Runnable call);

    /** No scope. */
    SocketCallScope NONE = (socket, call) -> call.run();
}
