package io.jsocketio.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.spring.app.ChatApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Spring Boot's graceful shutdown: the server closes before the web server stops, so every client
 * sees its connection close at once (a WebSocket client "transport close", as with Node's {@code
 * io.close()}), and shutdown does not wait for parked polls.
 */
class GracefulShutdownTest {

    @Test
    void closingTheApplicationDisconnectsEveryClient() {
        try (NodeClients clients = new NodeClients()) {
            ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(ChatApplication.class)
                            .properties(
                                    "server.address=127.0.0.1",
                                    "server.port=0",
                                    "server.shutdown=graceful")
                            .run();
            try {
                String url =
                        "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
                clients.open("polling", url, "/chat", NodeClients.POLLING, null);
                clients.open("websocket", url, "/chat", NodeClients.WEBSOCKET, null);
                clients.awaitEvent("connect", "polling");
                clients.awaitEvent("connect", "websocket");
            } finally {
                app.close();
            }
            // a polling client gets the close packet if a poll is parked when the server closes,
            // else its next poll finds the server gone: either way it disconnects at once
            assertThat(clients.awaitEvent("disconnect", "polling").getString("reason"))
                    .isIn("transport close", "transport error");
            assertThat(clients.awaitEvent("disconnect", "websocket").getString("reason"))
                    .isEqualTo("transport close");
        }
    }
}
