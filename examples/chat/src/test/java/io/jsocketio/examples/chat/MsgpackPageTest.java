package io.jsocketio.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.msgpack.MsgpackParser;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A page in headless chromium loads {@code /socket.io/socket.io.msgpack.min.js} from a server with
 * {@link MsgpackParser} ({@code serveClient}) and exchanges events with binary inside objects, both
 * ways, and an ack. The page is {@code msgpack-page.html} from this module's test resources (served
 * at {@code /} as the chat page is). Fails, never skips, when chromium cannot run.
 */
class MsgpackPageTest {
    private static final byte[] PIC = {1, 2, 3, (byte) 0xff};

    @Test
    void theMsgpackBundleExchangesBinaryEventsAndAnAckWithTheServer() throws Exception {
        CompletableFuture<Map<?, ?>> reply = new CompletableFuture<>();
        ServerOptions options =
                ServerOptions.builder().host("127.0.0.1").parser(MsgpackParser.create()).build();
        try (Server io = new Server(0, options);
                Browser browser = Browser.launch()) {
            io.onConnection(
                    socket -> {
                        socket.on(
                                "reply",
                                (args, ack) -> {
                                    reply.complete(args.get(0, Map.class));
                                    ack.send(Map.of("ok", true));
                                });
                        socket.emit("welcome", Map.of("pic", PIC, "text", "hi"));
                    });
            String url = "http://127.0.0.1:" + io.port().orElseThrow() + "/msgpack-page.html";
            browser.open("p", url);

            JsonObject seen = browser.eval("p", "window.exchange").asJsonObject();

            assertThat(seen.getJsonArray("bytes").toString()).isEqualTo("[1,2,3,255]");
            assertThat(seen.getBoolean("binary")).isTrue();
            assertThat(seen.getString("text")).isEqualTo("hi");
            assertThat(seen.getJsonObject("ack").toString()).isEqualTo("{\"ok\":true}");
            Map<?, ?> got = reply.get(30, TimeUnit.SECONDS);
            assertThat((byte[]) got.get("pic")).containsExactly(PIC);
            assertThat(got.get("text")).isEqualTo("hi!");
        }
    }
}
