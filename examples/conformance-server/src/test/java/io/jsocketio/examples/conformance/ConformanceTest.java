package io.jsocketio.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.testing.FakeEngineRequest;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Socket.IO exchanges of CONFORMANCE.md sections 3 to 5 as wire strings (Socket.IO packets,
 * without the Engine.IO {@code 4}), against {@link ConformanceApp}.
 */
class ConformanceTest {
    private final SioHarness h = SioHarness.create(b -> b.connectTimeout(Duration.ofMillis(1000)));

    ConformanceTest() {
        ConformanceApp.install(h.io);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private FakeEngineSocket joined() {
        FakeEngineSocket conn = h.open();
        conn.receive("0");
        conn.clearSent();
        return conn;
    }

    @Test
    void connectRepliesThenEmitsAuth() {
        FakeEngineSocket a = h.open();
        FakeEngineSocket b = h.open();

        a.receive("0");
        b.receive("0/custom,{\"token\":\"abc\"}");

        assertThat(a.texts().get(0)).matches("0\\{\"sid\":\"[^\"]+\"\\}");
        assertThat(a.texts().get(1)).isEqualTo("2[\"auth\",{}]");
        assertThat(b.texts().get(0)).matches("0/custom,\\{\"sid\":\"[^\"]+\"\\}");
        assertThat(b.texts().get(1)).isEqualTo("2/custom,[\"auth\",{\"token\":\"abc\"}]");
    }

    @Test
    void messageAndMessageWithAck() {
        FakeEngineSocket conn = joined();

        conn.receive("2[\"message\",1,\"2\",{\"3\":[true]}]");
        conn.receive("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");

        assertThat(conn.texts())
                .containsExactly(
                        "2[\"message-back\",1,\"2\",{\"3\":[true]}]",
                        "3456[1,\"2\",{\"3\":[false]}]");
    }

    @Test
    void echoAcknowledgesWhenAskedElseEmitsBack() {
        FakeEngineSocket conn = joined();

        conn.receive("2[\"echo\",{\"a\":[1,2.5]}]");
        conn.receive("27[\"echo\",\"x\"]");

        assertThat(conn.texts()).containsExactly("2[\"echo\",{\"a\":[1,2.5]}]", "37[\"x\"]");
    }

    @Test
    void roomsJoinLeaveAndBroadcasts() {
        FakeEngineSocket a = joined();
        FakeEngineSocket b = joined();
        FakeEngineSocket c = joined();
        a.receive("2[\"join\",\"r\"]");
        b.receive("2[\"join\",\"r\"]");
        b.receive("2[\"join\",\"x\"]");

        c.receive("2[\"bcast\",\"r\",{\"n\":1}]");
        c.receive("2[\"bcast-except\",\"r\",\"x\",2]");
        a.receive("21[\"rooms\"]");
        a.receive("2[\"leave\",\"r\"]");
        a.receive("22[\"room-size\",\"r\"]");

        assertThat(a.texts().get(0)).isEqualTo("2[\"bcast\",{\"n\":1}]");
        assertThat(a.texts().get(1)).isEqualTo("2[\"bcast\",2]");
        assertThat(a.texts().get(2)).matches("31\\[\\[\"[^\"]+\",\"r\"\\]\\]");
        assertThat(a.texts().get(3)).isEqualTo("32[1]");
        assertThat(b.texts()).containsExactly("2[\"bcast\",{\"n\":1}]");
        assertThat(c.texts()).isEmpty();
    }

    @Test
    void askWaitsForTheClientsAnswerOrTimesOut() {
        FakeEngineSocket conn = joined();

        conn.receive("2[\"ask\",\"q1\"]");
        String question = conn.lastText();
        conn.receive("3" + question.substring(1, question.indexOf('[')) + "[\"a1\"]");
        conn.receive("2[\"ask\",\"q2\"]");
        h.advance(Duration.ofMillis(2000));

        List<String> t = conn.texts();
        assertThat(t.get(0)).matches("2\\d+\\[\"question\",\"q1\"\\]");
        assertThat(t.get(1)).isEqualTo("2[\"answer\",\"a1\"]");
        assertThat(t.get(2)).matches("2\\d+\\[\"question\",\"q2\"\\]");
        assertThat(t.get(3)).isEqualTo("2[\"answer\",{\"error\":\"timeout\"}]");
    }

    @Test
    void disconnectMe() {
        FakeEngineSocket conn = joined();

        conn.receive("2[\"disconnect-me\"]");

        assertThat(conn.texts()).containsExactly("1");
        assertThat(conn.isOpen()).isTrue();
    }

    @Test
    void secureNamespace() {
        FakeEngineSocket in = h.open();
        FakeEngineSocket out = h.open();

        in.receive("0/secure,{\"token\":\"let-me-in\"}");
        out.receive("0/secure,{\"token\":\"nope\"}");

        assertThat(in.texts().get(1)).isEqualTo("2/secure,[\"welcome\",\"/secure\"]");
        assertThat(out.texts())
                .containsExactly("4/secure,{\"message\":\"unauthorized\",\"data\":{\"code\":401}}");
    }

    @Test
    void dynamicNamespaces() {
        FakeEngineSocket conn = h.open();

        conn.receive("0/dynamic-42,");
        conn.receive("2/dynamic-42,[\"echo\",[1]]");
        conn.receive("0/dynamic-x,");

        List<String> t = conn.texts();
        assertThat(t.get(1)).isEqualTo("2/dynamic-42,[\"welcome\",\"/dynamic-42\"]");
        assertThat(t.get(2)).isEqualTo("2/dynamic-42,[\"echo\",[1]]");
        assertThat(t.get(3)).isEqualTo("4/dynamic-x,{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void unknownNamespaceMalformedPacketsAndNoConnect() {
        FakeEngineSocket random = h.open();
        random.receive("0/random");
        assertThat(random.texts()).containsExactly("4/random,{\"message\":\"Invalid namespace\"}");

        for (String bad : List.of("abc", "2{}", "2abc[\"message\"]")) {
            FakeEngineSocket conn = joined();
            conn.receive(bad);
            assertThat(conn.isOpen()).as(bad).isFalse();
        }

        FakeEngineSocket idle = h.open();
        h.advance(Duration.ofMillis(1000));
        assertThat(idle.isOpen()).isFalse();
    }

    @Test
    void disconnectLeavesOneNamespace() {
        FakeEngineSocket conn = h.open();
        conn.receive("0");
        conn.receive("0/custom,");
        conn.clearSent();

        conn.receive("1/custom,");
        conn.receive("2[\"message\",1]");

        assertThat(conn.texts()).containsExactly("2[\"message-back\",1]");
    }

    @Test
    void bothEndpointsAcceptEngineIoV3Clients() {
        assertThat(ConformanceServer.engineOptions("/engine.io/").allowEIO3()).isTrue();
        assertThat(ConformanceServer.engineOptions("/socket.io/").allowEIO3()).isTrue();
    }

    @Test
    void aProtocolV4ClientPassesTheSecureMiddlewareWithANamespaceQuery() {
        FakeEngineSocket ok =
                h.open(FakeEngineRequest.get("/socket.io/?EIO=3&transport=polling"), 3);
        FakeEngineSocket refused =
                h.open(FakeEngineRequest.get("/socket.io/?EIO=3&transport=polling"), 3);

        ok.receive("0/secure?token=let-me-in");
        refused.receive("0/secure?token=nope");

        assertThat(ok.texts()).contains("0/secure,", "2/secure,[\"welcome\",\"/secure\"]");
        // protocol v4 carries the error's data when it has some, else its message
        assertThat(refused.texts()).contains("4/secure,{\"code\":401}");
    }
}
