package io.jsocketio.cdi.internal;

import io.jsocketio.Socket;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Makes a socket's HTTP session the active CDI session context around one handler call, so that a
 * {@code @SessionScoped} bean is the instance the servlets of the application see for that session.
 * CDI 4.0 has no portable way to do so: with Weld (WildFly, weld-servlet on Tomcat and Jetty) it is
 * {@link WeldSessionScope}; with another CDI implementation, or without Weld's API on the class
 * path, the session context is left as it is ({@link #NONE}).
 *
 * <p>Thread-safety: implementations are safe for concurrent use; {@link #enter} and the returned
 * {@link Exit} run on the calling thread (the socket's lane), the exit once.
 */
interface SessionScope {
    Logger LOG = System.getLogger(SessionScope.class.getName());

    /** Undoes what {@link #enter} did, on the same thread. */
    @FunctionalInterface
    interface Exit {
        /** Nothing to undo. */
        Exit NOTHING = () -> {};

        void exit();
    }

    /** Leaves the session context alone. */
    SessionScope NONE = socket -> Exit.NOTHING;

    /**
     * Activates the session context of the socket's handshake HTTP session on this thread, when it
     * has one that is still valid; without one, no session context is active during the call (also
     * not one the container had active on this thread for another request).
     */
    Exit enter(Socket socket);

    /** Weld's session scope when the bean manager is Weld's and its API is visible, else none. */
    static SessionScope of(BeanManager manager) {
        try {
            SessionScope weld = WeldSessionScope.of(manager);
            if (weld != null) {
                return weld;
            }
            LOG.log(
                    Level.DEBUG,
                    "no Weld bound session context: the session context is left alone");
        } catch (LinkageError e) {
            LOG.log(Level.DEBUG, () -> "no Weld API: the session context is left alone: " + e);
        }
        return NONE;
    }
}
