package io.jsocketio.cdi.internal;

import io.jsocketio.Ack;
import io.jsocketio.Middleware;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Runs a bean's handler method or middleware for one socket event: a request context is active for
 * the call, the bean instance is obtained through its context (a {@code @Dependent} one is
 * destroyed afterwards), and a listener's exception is logged with namespace, socket id and event.
 *
 * <p>Thread-safety: stateless apart from the bean manager; safe from any thread.
 */
final class Invoker {
    private static final Logger LOG = System.getLogger(Invoker.class.getName());

    private final BeanManager beanManager;

    Invoker(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    /** Calls {@code method} of {@code bean}; acknowledges with its result when it returns one. */
    void call(Bean<?> bean, HandlerMethod method, HandlerMethod.Call call) {
        RequestScope scope = enterRequestScope();
        CreationalContext<?> cc = beanManager.createCreationalContext(bean);
        try {
            Object instance = beanManager.getReference(bean, bean.getBeanClass(), cc);
            Object result = method.invoke(instance, call);
            Ack ack = call.ack();
            if (method.acksWithReturn && ack != null) {
                acknowledge(result, ack, method, call.socket());
            }
        } catch (InvocationTargetException e) {
            failed(method, call.socket(), e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            failed(method, call.socket(), e);
        } finally {
            cc.release();
            scope.exit();
        }
    }

    /** Runs a middleware bean for a socket that joins its namespace. */
    void middleware(Bean<?> bean, Socket socket, Next next) {
        RequestScope scope = enterRequestScope();
        CreationalContext<?> cc = beanManager.createCreationalContext(bean);
        try {
            Middleware middleware =
                    (Middleware) beanManager.getReference(bean, Middleware.class, cc);
            middleware.handle(socket, next);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    () ->
                            "middleware "
                                    + bean.getBeanClass().getName()
                                    + " failed in namespace "
                                    + socket.nsp().name()
                                    + " for socket "
                                    + socket.id(),
                    e);
            next.fail(e);
        } finally {
            cc.release();
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

    private static void acknowledge(
            @Nullable Object result, Ack ack, HandlerMethod method, Socket socket) {
        if (!ack.requested()) {
            return;
        }
        if (result instanceof CompletionStage<?> stage) {
            stage.whenComplete(
                    (value, error) -> {
                        if (error == null) {
                            ack.send(value);
                        } else {
                            failed(method, socket, error);
                        }
                    });
        } else {
            ack.send(result);
        }
    }

    private static void failed(HandlerMethod method, Socket socket, Throwable error) {
        LOG.log(
                Level.WARNING,
                () ->
                        HandlerMethod.describe(method.method)
                                + " failed in namespace "
                                + socket.nsp().name()
                                + " for socket "
                                + socket.id()
                                + (method.event == null ? "" : " on event " + method.event),
                error);
    }
}
