package io.jsocketio.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CONFORMANCE.md section 6 as wire strings, against {@link RecoveryApp}. */
class RecoveryAppTest {
    private final SioHarness h =
            SioHarness.create(b -> b.connectionStateRecovery(Duration.ofMillis(2000), true));

    RecoveryAppTest() {
        RecoveryApp.install(h.io);
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void whoamiJoinBcastAndDropThenRecover() {
        FakeEngineSocket conn = h.open();
        conn.receive("0");
        String reply = conn.lastText();
        String sid = SioHarness.sidOf(reply);
        String pid = reply.substring(reply.indexOf("\"pid\":\"") + 7, reply.lastIndexOf('"'));
        conn.clearSent();

        conn.receive("21[\"whoami\"]");
        conn.receive("22[\"join\",\"room1\"]");
        conn.receive("23[\"bcast\",\"room1\",\"hi\"]");
        assertThat(conn.texts())
                .containsExactly(
                        "31[{\"id\":\"" + sid + "\",\"recovered\":false}]",
                        "32[true]",
                        "2[\"bcast\",\"hi\",\"1\"]",
                        "33[true]");

        conn.receive("2[\"drop\"]");
        assertThat(conn.isOpen()).isFalse();

        FakeEngineSocket again = h.open();
        again.receive("0{\"pid\":\"" + pid + "\",\"offset\":\"1\"}");
        again.clearSent();
        again.receive("21[\"whoami\"]");
        assertThat(again.texts())
                .containsExactly("31[{\"id\":\"" + sid + "\",\"recovered\":true}]");
    }
}
