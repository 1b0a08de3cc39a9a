package io.jsocketio.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import org.junit.jupiter.api.Test;

/**
 * CONFORMANCE.md section 8: a client of the admin protocol joining {@code /admin} of an
 * instrumented server gets {@code config} (development mode: every feature) and {@code
 * all_sockets}. ({@code server_stats} needs a running engine; the admin-ui module's tests cover
 * it.)
 */
class AdminInstrumentationTest {

    @Test
    void theAdminNamespaceSendsConfigAndAllSockets() {
        try (SioHarness h = SioHarness.create()) {
            AdminInstrumentation.apply(h.io);
            FakeEngineSocket conn = h.open();

            conn.receive("0/admin,");

            assertThat(conn.texts()).anyMatch(t -> t.startsWith("0/admin,{\"sid\":\""));
            assertThat(conn.texts())
                    .contains(
                            "2/admin,[\"config\",{\"supportedFeatures\":[\"EMIT\",\"JOIN\",\"LEAVE\","
                                    + "\"DISCONNECT\",\"MJOIN\",\"MLEAVE\",\"MDISCONNECT\","
                                    + "\"AGGREGATED_EVENTS\",\"ALL_EVENTS\"]}]");
            assertThat(conn.texts()).anyMatch(t -> t.startsWith("2/admin,[\"all_sockets\",[{"));
        }
    }
}
