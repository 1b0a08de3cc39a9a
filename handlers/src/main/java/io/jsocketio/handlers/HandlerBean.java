package io.jsocketio.handlers;

import io.jsocketio.Socket;
import java.util.function.Consumer;

/**
 * A container-managed bean that {@link NamespaceBeans} binds to a namespace: the integration (CDI,
 * Spring) tells how to get its instance for one call, and which of its own contexts surround the
 * call.
 *
 * <p>Thread-safety: implementations must be safe for concurrent use; {@link #call} runs on the
 * lanes of many sockets at once.
 */
public interface HandlerBean {

    /** The bean class, scanned for handler annotations. */
    Class<?> type();

    /**
     * Runs {@code action} once with an instance of the bean, inside whatever the container needs
     * around a call (CDI: an active request context; Spring: the socket's security context), and
     * releases a per-call instance afterwards. Called on the socket's lane for every handler or
     * middleware call; an exception thrown by {@code action} or by obtaining the instance
     * propagates to the caller, which logs it.
     *
     * @param socket the socket the call is for
     * @param action the call; it receives the instance (a proxy is fine)
     */
    void call(Socket socket, Consumer<Object> action);
}
