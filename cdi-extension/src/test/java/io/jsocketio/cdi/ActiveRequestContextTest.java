package io.jsocketio.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.cdi.beans.Chat;
import io.jsocketio.cdi.beans.ChatAuth;
import io.jsocketio.cdi.beans.PerEvent;
import io.jsocketio.cdi.beans.Recorder;
import io.jsocketio.cdi.beans.TestOptions;
import io.jsocketio.cdi.beans.TokenService;
import io.jsocketio.cdi.internal.SocketIoExtension;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.testing.FakeEngineSocket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/** Handlers called on a thread that already has a request context (a container thread). */
@EnableWeld
class ActiveRequestContextTest {

    @WeldSetup
    WeldInitiator weld =
            WeldInitiator.from(
                            WeldInitiator.createWeld()
                                    .addExtension(new SocketIoExtension())
                                    .addBeanClasses(
                                            TestOptions.class,
                                            Recorder.class,
                                            PerEvent.class,
                                            Chat.class,
                                            ChatAuth.class,
                                            TokenService.class))
                    .activate(ApplicationScoped.class, RequestScoped.class)
                    .build();

    @Inject Server io;

    @Test
    void handlersJoinTheRequestContextAlreadyActiveOnTheThread() {
        FakeEngineSocket conn =
                new FakeEngineSocket(
                        "engine-1",
                        FakeEngineRequest.get("/socket.io/?EIO=4&transport=polling"),
                        4);
        conn.handTo(io);
        conn.receive("0/chat,{\"token\":\"secret\"}");
        conn.clearSent();
        conn.receive("2/chat,1[\"request\"]");
        conn.receive("2/chat,2[\"request\"]");
        String first = conn.texts().get(0).replaceAll(".*\\[(\\d+)\\]", "$1");
        String second = conn.texts().get(1).replaceAll(".*\\[(\\d+)\\]", "$1");
        assertThat(second).isEqualTo(first);
    }
}
