package io.jsocketio.spring.autoconfigure;

import io.jsocketio.Socket;
import io.jsocketio.handlers.HandlerBean;
import java.util.function.Consumer;
import org.springframework.beans.factory.BeanFactory;

/**
 * A Spring bean as the shared handler binding sees it: its instance is looked up by name for each
 * call (a singleton is the same instance every time, a prototype a new one), inside the socket's
 * {@link SocketCallScope}.
 *
 * <p>Thread-safety: immutable; safe from any thread.
 */
final class SpringHandlerBean implements HandlerBean {
    private final BeanFactory beans;
    private final String name;
    private final Class<?> type;
    private final SocketCallScope scope;

    SpringHandlerBean(BeanFactory beans, String name, Class<?> type, SocketCallScope scope) {
        this.beans = beans;
        this.name = name;
        this.type = type;
        this.scope = scope;
    }

    @Override
    public Class<?> type() {
        return type;
    }

    @Override
    public void call(Socket socket, Consumer<Object> action) {
        scope.run(socket, () -> action.accept(beans.getBean(name)));
    }

    @Override
    public String toString() {
        return name + " (" + type.getName() + ")";
    }
}
