package io.jsocketio.examples.chat;

import io.jsocketio.testkit.NodeJson;
import io.jsocketio.testkit.NodeProcess;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Debian chromium driven by {@code src/test/node/chat-browser.js} (playwright-core from
 * testkit/node): one command at a time, each answered {@code done} or {@code failed}; a failure
 * throws with the driver's whole transcript (browser console lines included).
 *
 * <p>Thread-safety: for one test thread.
 */
final class Browser implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final NodeProcess node;
    private final AtomicInteger seq = new AtomicInteger();

    private Browser(NodeProcess node) {
        this.node = node;
    }

    /** Starts the driver and chromium; fails (never skips) when chromium cannot run. */
    static Browser launch() {
        String driver =
                System.getProperty(
                        "jsocketio.chat.driver",
                        Path.of("src/test/node/chat-browser.js").toAbsolutePath().toString());
        NodeProcess node = NodeProcess.script(driver).start();
        Browser browser = new Browser(node);
        try {
            node.awaitEvent("ready", TIMEOUT);
            browser.call(NodeJson.command("launch"));
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    JsonValue call(JsonObjectBuilder command) {
        int n = seq.incrementAndGet();
        JsonObject sent = command.add("seq", n).build();
        node.send(sent);
        JsonObject answer =
                node.await(
                        "the answer to " + sent,
                        line ->
                                line.getInt("seq", -1) == n
                                        && ("done".equals(line.getString("event", ""))
                                                || "failed".equals(line.getString("event", ""))),
                        TIMEOUT.plusSeconds(5));
        if ("failed".equals(answer.getString("event"))) {
            throw new AssertionError(
                    sent.getString("cmd")
                            + " failed: "
                            + answer.getString("message", "")
                            + "\n--- transcript ---\n"
                            + node.transcript());
        }
        return answer.get("value");
    }

    void open(String page, String url) {
        call(NodeJson.command("open").add("page", page).add("url", url));
    }

    void fill(String page, String selector, String value) {
        call(
                NodeJson.command("fill")
                        .add("page", page)
                        .add("selector", selector)
                        .add("value", value));
    }

    void click(String page, String selector) {
        call(NodeJson.command("click").add("page", page).add("selector", selector));
    }

    void setFile(String page, String selector, String name, String mimeType, byte[] bytes) {
        call(
                NodeJson.command("setFile")
                        .add("page", page)
                        .add("selector", selector)
                        .add("name", name)
                        .add("mimeType", mimeType)
                        .add("base64", java.util.Base64.getEncoder().encodeToString(bytes)));
    }

    /** Waits until an element matching {@code selector} and containing {@code text} is visible. */
    void waitFor(String page, String selector, String text) {
        call(
                NodeJson.command("waitFor")
                        .add("page", page)
                        .add("selector", selector)
                        .add("text", text));
    }

    void waitFor(String page, String selector) {
        call(NodeJson.command("waitFor").add("page", page).add("selector", selector));
    }

    /** Waits until the texts of the elements matching {@code selector} are exactly these. */
    void waitTexts(String page, String selector, String... expected) {
        call(
                NodeJson.command("waitTexts")
                        .add("page", page)
                        .add("selector", selector)
                        .add("expected", Json.createArrayBuilder(List.of(expected))));
    }

    List<String> texts(String page, String selector) {
        JsonArray values =
                call(NodeJson.command("texts").add("page", page).add("selector", selector))
                        .asJsonArray();
        return values.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /** Takes the page's network away, or gives it back. */
    void setOffline(String page, boolean offline) {
        call(NodeJson.command("setOffline").add("page", page).add("offline", offline));
    }

    /** The URLs of the WebSockets the page opened so far. */
    List<String> websockets(String page) {
        return call(NodeJson.command("websockets").add("page", page))
                .asJsonArray()
                .getValuesAs(JsonString.class)
                .stream()
                .map(JsonString::getString)
                .toList();
    }

    JsonValue eval(String page, String expression) {
        return call(NodeJson.command("eval").add("page", page).add("expression", expression));
    }

    void screenshot(String page, Path path) {
        call(
                NodeJson.command("screenshot")
                        .add("page", page)
                        .add("path", path.toAbsolutePath().toString()));
    }

    void closePage(String page) {
        call(NodeJson.command("closePage").add("page", page));
    }

    @Override
    public void close() {
        node.close();
    }
}
