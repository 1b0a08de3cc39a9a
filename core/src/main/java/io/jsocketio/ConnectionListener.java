package io.jsocketio;

/**
 * Receives each socket that joined a namespace ({@code io.onConnection(socket -> ...)}; {@code
 * io.onConnection(socket => ...)} in Node).
 *
 * <p>Runs on the new socket's lane, once per socket, after the CONNECT reply was queued and before
 * any event of that socket is dispatched. An exception it throws is logged; the socket stays
 * connected.
 */
@FunctionalInterface
public interface ConnectionListener {

    /** A socket joined the namespace. */
    void onConnection(Socket socket);
}
