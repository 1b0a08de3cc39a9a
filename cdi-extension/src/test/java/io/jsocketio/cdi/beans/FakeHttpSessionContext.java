package io.jsocketio.cdi.beans;

import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.context.spi.Contextual;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.weld.context.http.HttpLiteral;
import org.jboss.weld.context.http.HttpSessionContext;

/**
 * What weld-servlet has in Weld SE's place: an HTTP session context that a container request makes
 * active on its thread (here: the test), holding instances of its own session.
 */
public final class FakeHttpSessionContext implements HttpSessionContext {
    private final ThreadLocal<Boolean> active = ThreadLocal.withInitial(() -> false);
    private final Map<Contextual<?>, Object> instances = new ConcurrentHashMap<>();

    /** Registers the context and its {@code @Http HttpSessionContext} bean. */
    public static final class Registration implements Extension {
        public static final FakeHttpSessionContext CONTEXT = new FakeHttpSessionContext();

        void register(@Observes AfterBeanDiscovery event) {
            event.addContext(CONTEXT);
            event.addBean()
                    .types(HttpSessionContext.class, Object.class)
                    .qualifiers(HttpLiteral.INSTANCE, Any.Literal.INSTANCE)
                    .createWith(c -> CONTEXT);
        }
    }

    @Override
    public Class<? extends Annotation> getScope() {
        return SessionScoped.class;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Contextual<T> contextual, CreationalContext<T> creationalContext) {
        return (T) instances.computeIfAbsent(contextual, c -> contextual.create(creationalContext));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Contextual<T> contextual) {
        return (T) instances.get(contextual);
    }

    @Override
    public boolean isActive() {
        return active.get();
    }

    @Override
    public void destroy(Contextual<?> contextual) {
        instances.remove(contextual);
    }

    @Override
    public void activate() {
        active.set(true);
    }

    @Override
    public void deactivate() {
        active.set(false);
    }

    @Override
    public void invalidate() {}

    @Override
    public boolean isValid() {
        return true;
    }

    @Override
    public boolean destroy(HttpSession session) {
        return false;
    }

    @Override
    public boolean associate(HttpServletRequest request) {
        return true;
    }

    @Override
    public boolean dissociate(HttpServletRequest request) {
        return true;
    }
}
