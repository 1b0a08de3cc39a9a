package io.jsocketio.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code new Server(port)} on the module path: core's {@code uses
 * io.jsocketio.hosting.EmbeddedServerProvider} finds this module's {@code provides} line (the
 * {@code META-INF/services} file is not read for named modules), and a client connects over HTTP.
 * Run by the {@code module-path} execution of surefire ({@code useModulePath=true}); the other
 * tests of this module run on the class path.
 */
class ModulePathTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void newServerFindsTheJettyProviderThroughTheModuleGraphAndAClientConnects() throws Exception {
        assertThat(Server.class.getModule().getName()).isEqualTo("io.jsocketio.core");
        assertThat(JettyServerProvider.class.getModule().getName()).isEqualTo("io.jsocketio.jetty");
        CompletableFuture<Socket> connected = new CompletableFuture<>();

        try (Server io = new Server(0, ServerOptions.builder().host("127.0.0.1").build())) {
            io.onConnection(connected::complete);
            String base = "http://127.0.0.1:" + io.port().orElseThrow() + "/socket.io/?EIO=4";
            HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();

            String open = get(http, base + "&transport=polling");
            assertThat(open).startsWith("0{\"sid\":\"");
            String sid = open.substring(9, open.indexOf('"', 9));
            String session = base + "&transport=polling&sid=" + sid;
            HttpResponse<String> post =
                    http.send(
                            HttpRequest.newBuilder(URI.create(session))
                                    .timeout(WAIT)
                                    .POST(HttpRequest.BodyPublishers.ofString("40"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(post.body()).isEqualTo("ok");

            String reply = get(http, session);
            Socket socket = connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(reply).isEqualTo("40{\"sid\":\"" + socket.id() + "\"}");
            assertThat(socket.conn().id()).isEqualTo(sid);
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
