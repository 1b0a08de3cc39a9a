package io.jsocketio.cdi.internal;

import io.jsocketio.Socket;
import io.jsocketio.handlers.HandlerBean;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A CDI bean as the shared handler binding sees it: for each handler or middleware call, a request
 * context is active (the thread's own when it has one, else one activated for the call), the
 * session context of the socket's HTTP session when it has one (see {@link SessionScope}), and the
 * instance is obtained through the bean's context (a {@code @Dependent} one is destroyed
 * afterwards).
 *
 * <p>Thread-safety: stateless apart from the bean and the bean manager; safe from any thread.
 */
final class CdiHandlerBean implements HandlerBean {
    private static final Logger LOG = System.getLogger(CdiHandlerBean.class.getName());

    private final Bean<?> bean;
    private final BeanManager beanManager;
    private final SessionScope sessions;

    CdiHandlerBean(Bean<?> bean, BeanManager beanManager, SessionScope sessions) {
        this.bean = bean;
        this.beanManager = beanManager;
        this.sessions = sessions;
    }

    @Override
    public Class<?> type() {
        return bean.getBeanClass();
    }

    @Override
    public void call(Socket socket, Consumer<Object> action) {
        RequestScope scope = enterRequestScope();
        try {
            SessionScope.Exit session = sessions.enter(socket);
            try {
                CreationalContext<?> cc = beanManager.createCreationalContext(bean);
                try {
                    action.accept(beanManager.getReference(bean, bean.getBeanClass(), cc));
                } finally {
                    cc.release();
                }
            } finally {
                session.exit();
            }
        } finally {
            scope.exit();
        }
    }

    /** A request context activated for one call, or none when one was active already. */
    private record RequestScope(
            @Nullable Instance<RequestContextController> controllers,
            @Nullable RequestContextController controller) {
        void exit() {
            if (controllers != null && controller != null) {
                try {
                    controller.deactivate();
                } catch (IllegalStateException e) {
                    // Weld refuses when the container made its HTTP request context active on
                    // this thread during the call (seen with weld-servlet on Tomcat)
                    LOG.log(Level.DEBUG, () -> "request context not deactivated: " + e);
                } finally {
                    controllers.destroy(controller);
                }
            }
        }
    }

    /**
     * Activates a request context unless the thread has one already (an HTTP request's, when the
     * container runs the lane inline): two active request contexts are an error in Weld.
     */
    private RequestScope enterRequestScope() {
        try {
            if (beanManager.getContext(RequestScoped.class).isActive()) {
                return new RequestScope(null, null);
            }
        } catch (ContextNotActiveException e) {
            // none active: activate one below
        } catch (IllegalStateException e) {
            // several active already (see exit): run within them
            LOG.log(Level.DEBUG, () -> "several request contexts active: " + e);
            return new RequestScope(null, null);
        }
        Instance<RequestContextController> controllers =
                beanManager.createInstance().select(RequestContextController.class);
        RequestContextController controller = controllers.get();
        if (controller.activate()) {
            return new RequestScope(controllers, controller);
        }
        controllers.destroy(controller);
        return new RequestScope(null, null);
    }

    @Override
    public String toString() {
        return bean.getBeanClass().getName();
    }
}
