package io.jsocketio.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.cdi.beans.Chat;
import io.jsocketio.cdi.beans.ChatAuth;
import io.jsocketio.cdi.beans.PerEvent;
import io.jsocketio.cdi.beans.Recorder;
import io.jsocketio.cdi.beans.Rooms;
import io.jsocketio.cdi.beans.TestOptions;
import io.jsocketio.cdi.beans.TokenService;
import io.jsocketio.cdi.internal.SocketIoExtension;
import io.jsocketio.engine.EngineMessage;
import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.testing.FakeEngineSocket;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

@EnableWeld
class NamespaceBeansTest {
    private static final AtomicInteger SIDS = new AtomicInteger();

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
                                            TokenService.class,
                                            Rooms.class))
                    .activate(jakarta.enterprise.context.ApplicationScoped.class)
                    .build();

    @Inject Server io;
    @Inject Recorder recorder;

    private FakeEngineSocket open() {
        FakeEngineSocket conn =
                new FakeEngineSocket(
                        "engine-" + SIDS.incrementAndGet(),
                        FakeEngineRequest.get("/socket.io/?EIO=4&transport=websocket"),
                        4);
        conn.handTo(io);
        return conn;
    }

    private FakeEngineSocket chat() {
        FakeEngineSocket conn = open();
        conn.receive("0/chat,{\"token\":\"secret\"}");
        assertThat(conn.texts()).anyMatch(t -> t.startsWith("0/chat,{\"sid\":"));
        conn.clearSent();
        return conn;
    }

    @Test
    void serverIsInjectableAndConfiguredByCustomizerBeans() {
        assertThat(io.connectTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(io.path()).isEqualTo("/socket.io/");
    }

    @Test
    void onConnectRunsWhenASocketJoinsTheNamespace() {
        FakeEngineSocket conn = open();
        conn.receive("0/chat,{\"token\":\"secret\"}");
        assertThat(recorder.calls()).containsExactly("connect /chat");
        assertThat(conn.texts()).contains("2/chat,[\"welcome\",\"hi\"]");
    }

    @Test
    void middlewareBeanWithInjectedServiceRefusesABadToken() {
        FakeEngineSocket conn = open();
        conn.receive("0/chat,{\"token\":\"wrong\"}");
        assertThat(conn.texts()).contains("4/chat,{\"message\":\"not authorized\"}");
        assertThat(recorder.calls()).isEmpty();
    }

    @Test
    void payloadIsMappedToARecordAndAPrimitiveInOrderWithAnAck() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,5[\"message\",{\"user\":\"ann\",\"text\":\"hello\"},3]");
        assertThat(recorder.calls()).contains("message ann:hello x3");
        assertThat(conn.texts()).containsExactly("3/chat,5[\"got hello\"]");
    }

    @Test
    void returnValueAcknowledgesTheEvent() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,7[\"echo\",\"abc\"]");
        assertThat(conn.texts()).containsExactly("3/chat,7[\"abc\"]");
    }

    @Test
    void returnValueIsNotSentWhenTheClientAskedNoAck() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,[\"echo\",\"abc\"]");
        assertThat(conn.texts()).isEmpty();
    }

    @Test
    void javaBeanPayloadIsMapped() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,1[\"point\",{\"x\":2,\"y\":40}]");
        assertThat(conn.texts()).containsExactly("3/chat,1[42]");
    }

    @Test
    void binaryPayloadIsBytesAndBinaryReturnIsSentAsAttachment() {
        FakeEngineSocket conn = chat();
        conn.receive("51-/chat,9[\"reverse\",{\"_placeholder\":true,\"num\":0}]");
        conn.receive(new byte[] {1, 2, 3});
        assertThat(conn.texts()).containsExactly("61-/chat,9[{\"_placeholder\":true,\"num\":0}]");
        assertThat(conn.messages())
                .filteredOn(EngineMessage::isBinary)
                .singleElement()
                .satisfies(m -> assertThat(m.binary()).containsExactly(3, 2, 1));
    }

    @Test
    void jsonValueAndGenericListPayloadsAreMapped() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,2[\"json\",{\"a\":[true]},[1,2,3]]");
        assertThat(conn.texts())
                .containsExactly("3/chat,2[{\"value\":{\"a\":[true]},\"count\":3}]");
    }

    @Test
    void argsParameterSeesAllArguments() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,3[\"args\",1,\"two\",null]");
        assertThat(conn.texts()).containsExactly("3/chat,3[3]");
    }

    @Test
    void completionStageReturnAcknowledgesWhenComplete() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,4[\"later\",\"abc\"]");
        assertThat(conn.texts()).containsExactly("3/chat,4[\"ABC\"]");
    }

    @Test
    void eachEventRunsInItsOwnRequestContext() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,1[\"request\"]");
        conn.receive("2/chat,2[\"request\"]");
        int first = Integer.parseInt(conn.texts().get(0).replaceAll(".*\\[(\\d+)\\]", "$1"));
        int second = Integer.parseInt(conn.texts().get(1).replaceAll(".*\\[(\\d+)\\]", "$1"));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void exceptionInAHandlerIsLoggedAndTheSocketSurvives() {
        FakeEngineSocket conn = chat();
        conn.receive("2/chat,1[\"fail\"]");
        conn.receive("2/chat,2[\"echo\",\"still here\"]");
        assertThat(conn.texts()).containsExactly("3/chat,2[\"still here\"]");
    }

    @Test
    void onDisconnectReceivesTheReason() {
        FakeEngineSocket conn = chat();
        conn.receive("1/chat,");
        assertThat(recorder.calls()).endsWith("disconnect client namespace disconnect");
    }

    @Test
    void patternNamespaceServesEveryMatchingNameWithADependentBean() {
        FakeEngineSocket conn = open();
        conn.receive("0/room-12,");
        conn.receive("2/room-12,1[\"where\"]");
        assertThat(conn.texts()).contains("3/room-12,1[\"/room-12\"]");
        FakeEngineSocket other = open();
        other.receive("0/room-x,");
        assertThat(other.texts()).anyMatch(t -> t.startsWith("4/room-x,"));
    }
}
