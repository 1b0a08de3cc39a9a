package io.jsocketio.it.eio3;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.Server;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * JSONP polling ({@code j=} parameter) as a 2.x browser client without XHR does it, checked at the
 * HTTP level: responses are {@code ___eio[j]("<payload>");} scripts, POST bodies are forms with the
 * payload in {@code d}, newlines escaped as the client escapes them.
 */
class JsonpPollingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern SCRIPT =
            Pattern.compile("^___eio\\[(\\d*)\\]\\((\".*\")\\);$", Pattern.DOTALL);
    private static final Pattern SID = Pattern.compile("\"sid\":\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Server io;
    private String base;

    @BeforeEach
    void start() {
        io = Eio3App.start(true);
        base = "http://127.0.0.1:" + Eio3App.port(io) + "/socket.io/?EIO=3&transport=polling&j=4";
    }

    @AfterEach
    void stop() {
        io.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String url, String payload) throws Exception {
        String form = "d=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The string payload inside a JSONP script, checking the script's form and index. */
    private static String payloadOf(HttpResponse<String> res) {
        assertThat(res.statusCode()).isEqualTo(200);
        // Jetty rewrites Node's "text/plain; charset=UTF-8" as text/plain;charset=utf-8
        assertThat(res.headers().firstValue("Content-Type").map(JsonpPollingIT::normalized))
                .hasValue("text/plain;charset=utf-8");
        Matcher m = SCRIPT.matcher(res.body());
        assertThat(m.matches()).as("a JSONP script: %s", res.body()).isTrue();
        assertThat(m.group(1)).isEqualTo("4");
        try (JsonReader r = Json.createReader(new StringReader("[" + m.group(2) + "]"))) {
            return r.readArray().getString(0);
        }
    }

    private static String normalized(String contentType) {
        return contentType.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void aJsonpSessionHandshakesConnectsExchangesEventsAndPings() throws Exception {
        String open = payloadOf(get(base));
        assertThat(open).matches("\\d+:0\\{.*\\}");
        assertThat(open).contains("\"upgrades\":[\"websocket\"]");
        Matcher sidMatch = SID.matcher(open);
        assertThat(sidMatch.find()).isTrue();
        String url = base + "&sid=" + sidMatch.group(1);

        // Socket.IO protocol v4: the server joins the client to / at once
        assertThat(payloadOf(get(url))).isEqualTo("2:40");

        // the client writes a JSON-escaped newline (\n) as \\n in the form; the server undoes it
        String event = "421[\"echo\",\"a\\nb é\"]";
        String sent = event.replace("\\n", "\\\\n");
        HttpResponse<String> post = postForm(url, event.length() + ":" + sent);
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).isEqualTo("ok");
        assertThat(post.headers().firstValue("Content-Type")).hasValue("text/html");

        String ack = "431[\"a\\nb é\"]";
        assertThat(payloadOf(get(url))).isEqualTo(ack.length() + ":" + ack);

        assertThat(postForm(url, "1:2").body()).isEqualTo("ok");
        assertThat(payloadOf(get(url))).isEqualTo("1:3");

        assertThat(postForm(url, "1:1").body()).isEqualTo("ok");
        assertThat(get(url).statusCode()).isEqualTo(400);
    }
}
