package io.jsocketio.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.Ack;
import io.jsocketio.Middleware;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import io.jsocketio.cdi.internal.SocketIoExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

class DeploymentErrorsTest {

    private static void deploy(Class<?>... beans) {
        Weld weld =
                new Weld()
                        .disableDiscovery()
                        .addExtension(new SocketIoExtension())
                        .addBeanClasses(beans);
        try (WeldContainer container = weld.initialize()) {
            container.isRunning();
        }
    }

    @ApplicationScoped
    @Namespace("/a")
    static class UnknownParameter {
        @OnEvent("x")
        void x(Runnable task) {}
    }

    @Test
    void unknownParameterTypeFailsNamingTheMethod() {
        assertThatThrownBy(() -> deploy(UnknownParameter.class))
                .hasMessageContaining("UnknownParameter#x(Runnable)")
                .hasMessageContaining("parameter 1 has a type that cannot be resolved");
    }

    @ApplicationScoped
    @Namespace("/a")
    static class RolesOnConnect {
        @OnConnect
        @jakarta.annotation.security.RolesAllowed("admin")
        void connect(Socket socket) {}
    }

    @Test
    void rolesAllowedOnAConnectMethodFailsPointingToTheClass() {
        assertThatThrownBy(() -> deploy(RolesOnConnect.class))
                .hasMessageContaining("RolesOnConnect#connect(Socket)")
                .hasMessageContaining("go on @OnEvent methods or on the @Namespace class");
    }

    @ApplicationScoped
    @Namespace("/a")
    static class AckOnConnect {
        @OnConnect
        void connect(Socket socket, Ack ack) {}
    }

    @Test
    void ackOnAConnectMethodFails() {
        assertThatThrownBy(() -> deploy(AckOnConnect.class))
                .hasMessageContaining("AckOnConnect#connect(Socket, Ack)")
                .hasMessageContaining("parameter 2");
    }

    @ApplicationScoped
    @Namespace("/a")
    static class ReturnAndAck {
        @OnEvent("x")
        String x(String text, Ack ack) {
            return text;
        }
    }

    @Test
    void returningAValueAndTakingAnAckFails() {
        assertThatThrownBy(() -> deploy(ReturnAndAck.class))
                .hasMessageContaining("ReturnAndAck#x(String, Ack)")
                .hasMessageContaining("choose one");
    }

    @ApplicationScoped
    @Namespace("/dup")
    static class First {
        @OnEvent("x")
        void x() {}
    }

    @ApplicationScoped
    @Namespace("/dup")
    static class Second {
        @OnEvent("y")
        void y() {}
    }

    @Test
    void duplicateNamespaceFails() {
        assertThatThrownBy(() -> deploy(First.class, Second.class))
                .hasMessageContaining("duplicate namespace /dup");
    }

    @ApplicationScoped
    @Namespace("/dup")
    static class DupMiddleware implements Middleware {
        @Override
        public void handle(Socket socket, Next next) {
            next.proceed();
        }
    }

    @Test
    void middlewareBeanForAHandledNamespaceIsNotADuplicate() {
        deploy(First.class, DupMiddleware.class);
    }

    @Namespace("/abstract")
    abstract static class NotContextual {
        @OnEvent("x")
        void x() {}
    }

    @Test
    void namespaceClassThatIsNotABeanFails() {
        assertThatThrownBy(() -> deploy(NotContextual.class))
                .hasMessageContaining("NotContextual: @Namespace class is not a contextual bean");
    }

    @SessionScoped
    @Namespace("/session")
    static class SessionBean implements Serializable {
        private static final long serialVersionUID = 1L;

        @OnEvent("x")
        void x() {}
    }

    @Test
    void namespaceBeanInAScopeInactiveOnSocketsFails() {
        assertThatThrownBy(() -> deploy(SessionBean.class))
                .hasMessageContaining("SessionBean: @Namespace bean has scope @SessionScoped");
    }

    @ApplicationScoped
    static class NoNamespace {
        @OnEvent("x")
        void x() {}
    }

    @Test
    void handlerMethodWithoutNamespaceFails() {
        assertThatThrownBy(() -> deploy(NoNamespace.class))
                .hasMessageContaining(
                        "NoNamespace#x(): a handler method on a class without @Namespace");
    }

    @ApplicationScoped
    @Namespace(value = "/a", pattern = "/b")
    static class BothNames {}

    @Test
    void namespaceWithBothNameAndPatternFails() {
        assertThatThrownBy(() -> deploy(BothNames.class))
                .hasMessageContaining(
                        "BothNames: @Namespace needs exactly one of value and pattern");
    }

    @ApplicationScoped
    @Namespace(pattern = "/room-(")
    static class BadPattern {}

    @Test
    void invalidNamespacePatternFails() {
        assertThatThrownBy(() -> deploy(BadPattern.class))
                .hasMessageContaining("BadPattern: invalid namespace pattern");
    }

    @ApplicationScoped
    @Namespace("/a")
    static class ValueFromConnect {
        @OnConnect
        String connect() {
            return "x";
        }
    }

    @Test
    void connectMethodReturningAValueFails() {
        assertThatThrownBy(() -> deploy(ValueFromConnect.class))
                .hasMessageContaining(
                        "ValueFromConnect#connect(): only an @OnEvent method may return");
    }

    @ApplicationScoped
    @Namespace("/a")
    static class TwoAnnotations {
        @OnConnect
        @OnEvent("x")
        void both() {}
    }

    @Test
    void methodWithTwoHandlerAnnotationsFails() {
        assertThatThrownBy(() -> deploy(TwoAnnotations.class))
                .hasMessageContaining("TwoAnnotations#both(): more than one of");
    }
}
