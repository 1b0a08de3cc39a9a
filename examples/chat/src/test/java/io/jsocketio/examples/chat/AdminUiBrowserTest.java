package io.jsocketio.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat's operations side in headless chromium: the official Socket.IO Admin UI, served by the
 * chat at {@code /admin/}, logs in, lists both chat users with their rooms and disconnects one,
 * which the other user's chat page shows; {@code /metrics} (on the management port) answers
 * Prometheus text. Screenshots and the metrics text go to {@code target/screenshots/}.
 */
class AdminUiBrowserTest {
    private @Nullable Browser browser;
    private @Nullable ChatServer server;
    private final Path screenshots =
            Path.of(System.getProperty("jsocketio.chat.screenshots", "target/screenshots"));

    @BeforeEach
    void start() {
        server = ChatServer.start("127.0.0.1", 0);
        browser = Browser.launch();
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private void enter(String page, String name) {
        browser.open(page, base() + "/");
        browser.fill(page, "#nickname", name);
        browser.click(page, "#login button");
        browser.waitFor(page, "#status.online", "online");
        browser.waitTexts(page, "#rooms li .room", "#lobby");
    }

    private String socketIdOf(String name) {
        for (Map.Entry<String, Socket> e : server.io().sockets().sockets().entrySet()) {
            if (name.equals(e.getValue().data(String.class).orElse(null))) {
                return e.getKey();
            }
        }
        throw new AssertionError("no socket for " + name);
    }

    @Test
    void theAdminUiListsTheChatUsersAndDisconnectsOne() throws Exception {
        enter("alice", "alice");
        enter("bob", "bob");
        browser.waitTexts("alice", "#members li", "alice", "bob");
        String alice = socketIdOf("alice");
        String bob = socketIdOf("bob");

        browser.open("ops", base() + "/admin/");
        browser.fill("ops", ".v-dialog input >> nth=0", base());
        browser.fill("ops", ".v-dialog input >> nth=1", "admin");
        browser.fill("ops", ".v-dialog input[type=password]", server.adminPassword());
        browser.click("ops", ".v-dialog button[type=submit]");

        browser.eval("ops", "location.hash = '#/sockets/', true");
        browser.waitFor("ops", "table tbody tr", alice);
        browser.waitFor("ops", "table tbody tr", bob);
        browser.screenshot("ops", screenshots.resolve("admin-ui-sockets.png"));

        browser.eval("ops", "location.hash = '#/rooms/', true");
        browser.waitFor("ops", "table tbody tr", "room:lobby");
        browser.screenshot("ops", screenshots.resolve("admin-ui-rooms.png"));

        browser.eval("ops", "location.hash = '#/sockets/', true");
        browser.click("ops", "table tbody tr:has-text('" + bob + "') button");
        browser.waitFor(
                "bob", "#messages li.notice.connection", "Disconnected (io server disconnect)");
        browser.waitFor("alice", "#messages li.notice", "bob disconnected");
        browser.waitTexts("alice", "#members li", "alice");
        browser.screenshot("alice", screenshots.resolve("admin-ui-chat-after-disconnect.png"));

        HttpResponse<String> metrics =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + server.metricsPort()
                                                                + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElseThrow())
                .startsWith("text/plain");
        assertThat(metrics.body())
                .contains("socketio_connects_total{namespace=\"/\"} 2.0")
                .contains("socketio_connects_total{namespace=\"/admin\"} 1.0")
                .contains("socketio_sockets{namespace=\"/\"} 1.0")
                .contains(
                        "socketio_disconnects_total{namespace=\"/\",reason=\"server namespace disconnect\"} 1.0")
                .contains("socketio_engine_bytes_in_bytes_total");
        Files.writeString(screenshots.resolve("metrics.txt"), metrics.body());
    }
}
