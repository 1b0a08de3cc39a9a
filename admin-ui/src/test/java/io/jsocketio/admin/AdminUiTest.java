package io.jsocketio.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The admin namespace as the official UI uses it, with the Java socket.io-client on a real embedded
 * Jetty: what the UI receives, what its actions do, its login, and the UI's files.
 */
class AdminUiTest {
    private static final String HASH = BCrypt.hashpw("s3cret", BCrypt.gensalt(4));

    private final List<AutoCloseable> open = new ArrayList<>();
    private Server io;
    private String url;

    private void start(AdminUiOptions options) {
        io = new Server(0, ServerOptions.builder().host("127.0.0.1").build());
        io.onConnection(
                socket ->
                        socket.on(
                                "join",
                                (args, ack) ->
                                        socket.join(args.getString(0))
                                                .thenRun(() -> ack.send(true))));
        open.add(AdminUi.instrument(io, options));
        url = "http://127.0.0.1:" + io.port().orElseThrow();
    }

    private static AdminUiOptions.Builder dev() {
        return AdminUiOptions.builder()
                .noAuth()
                .serverId("test-server")
                .statsInterval(Duration.ofMillis(200));
    }

    private UiClient client(String nsp, Map<String, String> auth) throws Exception {
        UiClient c = UiClient.connect(url, nsp, auth);
        open.add(c);
        return c;
    }

    private static void ackedEmit(UiClient c, String event, Object... args) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        c.socket().emit(event, args, a -> done.complete(a[0]));
        done.get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (io != null) {
            io.close();
        }
    }

    @Test
    void aUiGetsTheConfigEverySocketAndTheServerStats() throws Exception {
        start(dev().build());
        UiClient user = client("/", Map.of());
        ackedEmit(user, "join", "lobby");

        UiClient ui = client("/admin", Map.of());

        JSONObject config = (JSONObject) ui.next("config").args().get(0);
        assertThat(list(config.optJSONArray("supportedFeatures")))
                .containsExactly(
                        "EMIT",
                        "JOIN",
                        "LEAVE",
                        "DISCONNECT",
                        "MJOIN",
                        "MLEAVE",
                        "MDISCONNECT",
                        "AGGREGATED_EVENTS",
                        "ALL_EVENTS");
        JSONArray all = (JSONArray) ui.next("all_sockets").args().get(0);
        JSONObject mine = find(all, user.connected());
        assertThat(mine.optString("nsp")).isEqualTo("/");
        assertThat(mine.optString("transport")).isEqualTo("websocket");
        assertThat(mine.optString("clientId")).hasSize(12);
        assertThat(list(mine.optJSONArray("rooms")))
                .containsExactlyInAnyOrder(user.connected(), "lobby");
        JSONObject handshake = mine.optJSONObject("handshake");
        assertThat(handshake.optString("address")).isEqualTo("127.0.0.1");
        assertThat(handshake.optJSONObject("query").optString("EIO")).isEqualTo("4");
        assertThat(handshake.optString("url")).startsWith("/socket.io/?");
        assertThat(handshake.optBoolean("secure")).isFalse();

        JSONObject stats =
                (JSONObject)
                        ui.next("server_stats", e -> stats(e).optInt("clientsCount") == 2)
                                .args()
                                .get(0);
        assertThat(stats.optString("serverId")).isEqualTo("test-server");
        assertThat(stats.optLong("pid")).isEqualTo(ProcessHandle.current().pid());
        assertThat(stats.optInt("pollingClientsCount")).isZero();
        assertThat(stats.optDouble("uptime")).isPositive();
        assertThat(list(stats.optJSONArray("namespaces")))
                .contains(
                        Map.of("name", "/", "socketsCount", 1),
                        Map.of("name", "/admin", "socketsCount", 1));
        assertThat(stats.optJSONArray("aggregatedEvents")).isNotNull();
    }

    @Test
    void developmentModeReportsEachChangeAsItHappens() throws Exception {
        start(dev().build());
        UiClient ui = client("/admin", Map.of());
        ui.next("config");

        UiClient user = client("/", Map.of());
        String id = user.connected();
        // as in Node: the socket's own room first, then the socket
        assertThat(ui.next("room_joined", e -> e.args().get(1).equals(id)).args().subList(0, 3))
                .containsExactly("/", id, id);
        JSONObject connected = (JSONObject) ui.next("socket_connected").args().get(0);
        assertThat(connected.optString("id")).isEqualTo(id);
        assertThat(connected.optString("nsp")).isEqualTo("/");

        ackedEmit(user, "join", "lobby");
        UiClient.Event received = ui.next("event_received", e -> e.args().get(1).equals(id));
        assertThat(received.args().get(0)).isEqualTo("/");
        assertThat(list((JSONArray) received.args().get(2))).containsExactly("join", "lobby");
        assertThat((String) received.args().get(3))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        assertThat(
                        ui.next("room_joined", e -> e.args().get(1).equals("lobby"))
                                .args()
                                .subList(0, 3))
                .containsExactly("/", "lobby", id);

        io.to(id).emit("news", "héllo", 42);
        UiClient.Event sent = ui.next("event_sent", e -> e.args().get(1).equals(id));
        assertThat(list((JSONArray) sent.args().get(2))).containsExactly("news", "héllo", 42);

        user.close();
        // the rooms are left before the disconnect listeners run (Node defers room_left instead)
        assertThat(ui.next("room_left", e -> e.args().get(1).equals("lobby")).args().subList(0, 3))
                .containsExactly("/", "lobby", id);
        assertThat(
                        ui.next("socket_disconnected", e -> e.args().get(1).equals(id))
                                .args()
                                .subList(0, 3))
                .containsExactly("/", id, "client namespace disconnect");
    }

    @Test
    void theUisActionsReachTheSocketsThroughTheAdapter() throws Exception {
        start(dev().build());
        UiClient user = client("/", Map.of());
        String id = user.connected();
        UiClient ui = client("/admin", Map.of());
        ui.next("all_sockets");

        ui.socket().emit("join", "/", "vip", id);
        ui.next("room_joined", e -> e.args().get(1).equals("vip"));
        assertThat(io.sockets().sockets().get(id).rooms()).contains("vip");

        ui.socket().emit("emit", "/", "vip", "news", "for vips", 7);
        assertThat(user.next("news").args()).containsExactly("for vips", 7);

        ui.socket().emit("leave", "/", "vip", id);
        ui.next("room_left", e -> e.args().get(1).equals("vip"));

        ui.socket().emit("_disconnect", "/", false, id);
        assertThat(user.disconnected()).isEqualTo("io server disconnect");
    }

    @Test
    void readonlyProductionModeOnlyAggregates() throws Exception {
        start(dev().readonly(true).mode(AdminUiOptions.Mode.PRODUCTION).build());
        UiClient ui = client("/admin", Map.of());

        JSONObject config = (JSONObject) ui.next("config").args().get(0);
        assertThat(list(config.optJSONArray("supportedFeatures")))
                .containsExactly("AGGREGATED_EVENTS");
        ui.next("server_stats");
        Socket admin = io.of("/admin").sockets().values().iterator().next();
        assertThat(admin.listeners("_disconnect")).isEmpty();
        assertThat(admin.listeners("emit")).isEmpty();
    }

    @Test
    void basicAuthLogsInOnceThenResumesTheSession() throws Exception {
        start(dev().basicAuth("admin", HASH).build());

        UiClient wrong =
                UiClient.open(url, "/admin", Map.of("username", "admin", "password", "nope"));
        open.add(wrong);
        assertThatThrownBy(wrong::connected).hasMessageContaining("invalid credentials");

        UiClient ui = client("/admin", Map.of("username", "admin", "password", "s3cret"));
        String sessionId = (String) ui.next("session").args().get(0);
        assertThat(sessionId).matches("[0-9a-f]{16}");
        ui.next("config");

        UiClient reloaded = client("/admin", Map.of("sessionId", sessionId));
        UiClient.Event first = reloaded.next("config");
        assertThat(first.name()).isEqualTo("config");

        UiClient forged = UiClient.open(url, "/admin", Map.of("sessionId", "0123456789abcdef"));
        open.add(forged);
        assertThatThrownBy(forged::connected).hasMessageContaining("invalid credentials");
    }

    @Test
    void optionsRequireAnExplicitAuthChoiceAndABcryptHash() {
        assertThatThrownBy(() -> AdminUiOptions.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auth");
        assertThatThrownBy(() -> AdminUiOptions.builder().basicAuth("admin", "plain").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bcrypt");
        assertThat(AdminUiOptions.builder().basicAuth("admin", HASH).build().namespaceName())
                .isEqualTo("/admin");
    }

    @Test
    void theEmbeddedServerServesTheUiAtAdmin() throws Exception {
        start(dev().build());
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> page =
                http.send(
                        HttpRequest.newBuilder(URI.create(url + "/admin/")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Socket.IO Admin UI</title>");
        Matcher script = Pattern.compile("src=\"(js/app\\.[0-9a-f]+\\.js)\"").matcher(page.body());
        assertThat(script.find()).isTrue();

        HttpResponse<String> app =
                http.send(
                        HttpRequest.newBuilder(URI.create(url + "/admin/" + script.group(1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(app.statusCode()).isEqualTo(200);
        assertThat(app.body()).contains("server_stats");
    }

    /** An org.json array as plain values (org.json 20090211 has no toList). */
    static List<Object> list(JSONArray array) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < array.length(); i++) {
            Object v = array.opt(i);
            if (v instanceof JSONArray a) {
                v = list(a);
            } else if (v instanceof JSONObject o) {
                java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                for (java.util.Iterator<?> k = o.keys(); k.hasNext(); ) {
                    String key = (String) k.next();
                    m.put(key, o.opt(key));
                }
                v = m;
            }
            out.add(v);
        }
        return out;
    }

    private static JSONObject stats(UiClient.Event e) {
        return (JSONObject) e.args().get(0);
    }

    private static boolean isSocket(UiClient.Event e, String id) {
        return ((JSONObject) e.args().get(0)).optString("id").equals(id);
    }

    private static JSONObject find(JSONArray sockets, String id) {
        for (int i = 0; i < sockets.length(); i++) {
            if (sockets.optJSONObject(i).optString("id").equals(id)) {
                return sockets.optJSONObject(i);
            }
        }
        throw new AssertionError(id + " not in " + sockets);
    }
}
