package io.jsocketio.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The chat page in headless Debian chromium ({@code /usr/bin/chromium}, or {@code CHROMIUM}) driven
 * by playwright-core: two users in two browser contexts. Screenshots go to {@code
 * target/screenshots/}. When chromium is missing or cannot start, these tests fail; they never
 * skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatBrowserTest {
    private static final String MESSAGES = "#messages li.message:not([hidden])";

    private final List<String> pages = new ArrayList<>();
    private @Nullable Browser browser;
    private @Nullable ChatServer server;
    private Path screenshots = Path.of("target/screenshots");

    @BeforeAll
    void launchBrowser() {
        browser = Browser.launch();
        screenshots =
                Path.of(System.getProperty("jsocketio.chat.screenshots", "target/screenshots"));
    }

    @BeforeEach
    void startServer() {
        server = ChatServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stopServer() {
        try {
            for (String page : pages) {
                browser.closePage(page);
            }
        } finally {
            pages.clear();
            server.close();
        }
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String query) {
        return "http://127.0.0.1:" + server.port() + "/" + query;
    }

    private void enter(String page, String query, String name) {
        pages.add(page);
        browser.open(page, url(query));
        browser.fill(page, "#nickname", name);
        browser.click(page, "#login button");
        browser.waitFor(page, "#status.online", "online");
        browser.waitTexts(page, "#rooms li .room", "#lobby");
    }

    @Test
    void twoUsersChatInARoomShareAnImageAndOneLeaves() {
        enter("alice", "", "alice");
        enter("bob", "", "bob");

        browser.fill("alice", "#room-name", "general");
        browser.click("alice", "#join button");
        browser.waitTexts("alice", "#members li", "alice");
        browser.fill("bob", "#room-name", "general");
        browser.click("bob", "#join button");
        browser.waitTexts("alice", "#members li", "alice", "bob");
        browser.waitTexts("bob", "#members li", "alice", "bob");
        browser.waitTexts("bob", "#rooms li .room", "#general", "#lobby");
        browser.waitFor("alice", "#messages li.notice:not([hidden])", "bob joined #general");

        // typing indicator (a volatile event), then the message and its two ticks
        browser.fill("alice", "#text", "Hello Bob!");
        browser.waitFor("bob", "#typing", "alice is typing");
        browser.click("alice", "#send button");
        browser.waitFor("bob", MESSAGES + " .text", "Hello Bob!");
        assertThat(browser.texts("bob", MESSAGES + " .from")).containsExactly("alice");
        browser.waitFor("alice", MESSAGES + ".mine .tick.delivered");
        assertThat(browser.texts("alice", MESSAGES + ".mine .tick")).containsExactly(" ✓✓");
        browser.waitTexts("bob", "#typing", "");

        browser.fill("bob", "#text", "Hi Alice, look at this:");
        browser.click("bob", "#send button");
        browser.waitFor("alice", MESSAGES + " .text", "Hi Alice, look at this:");

        // an image as a binary attachment; the receiver decodes it to its real size
        browser.setFile("bob", "#image", "stripes.png", "image/png", png(64, 48));
        browser.waitFor("alice", MESSAGES + " img");
        browser.waitFor("bob", MESSAGES + ".mine img");
        browser.waitFor("bob", MESSAGES + ".mine .tick.sent");
        assertThat(
                        browser.eval(
                                        "alice",
                                        "new Promise(r => { const i = document.querySelector('"
                                                + MESSAGES
                                                + " img'); i.decode().then(() =>"
                                                + " r(i.naturalWidth + 'x' + i.naturalHeight)); })")
                                .toString())
                .isEqualTo("\"64x48\"");
        assertThat(browser.texts("alice", MESSAGES + " .from")).containsExactly("bob", "bob");

        assertThat(browser.websockets("alice"))
                .singleElement()
                .asString()
                .contains("/socket.io/?EIO=4&transport=websocket");
        browser.screenshot("alice", screenshots.resolve("chat-alice.png"));
        browser.screenshot("bob", screenshots.resolve("chat-bob.png"));

        // bob leaves #general: alice is told and sees the member list shrink
        browser.click("bob", "#rooms li[data-room=\"general\"] .leave");
        browser.waitFor("alice", "#messages li.notice:not([hidden])", "bob left #general");
        browser.waitTexts("alice", "#members li", "alice");
        browser.waitTexts("bob", "#rooms li .room", "#lobby");
        browser.waitTexts("bob", "#members li", "alice", "bob");
        assertThat(browser.texts("bob", "#messages li[data-room=\"general\"]")).isEmpty();
        browser.screenshot("alice", screenshots.resolve("chat-alice-after-bob-left.png"));
    }

    @Test
    void aPageOfflineForAMomentGetsTheMessagesItMissedWithoutJoinedOrLeftNoise() {
        enter("erin", "", "erin");
        enter("frank", "", "frank");
        browser.waitTexts("frank", "#members li", "erin", "frank");
        browser.fill("frank", "#text", "before");
        browser.click("frank", "#send button");
        browser.waitFor("erin", MESSAGES + " .text", "before");
        List<String> noticesBefore = browser.texts("frank", "#messages li.notice");

        // erin's network goes away and her connection with it (chromium drops the WebSocket;
        // closing the engine covers a connection that survived); frank writes meanwhile
        browser.setOffline("erin", true);
        browser.eval("erin", "chatSocket.io.engine.close(), true");
        browser.waitFor("erin", "#messages li.notice.connection", "Disconnected (");
        for (String text : List.of("while you were away", "and one more")) {
            browser.fill("frank", "#text", text);
            browser.click("frank", "#send button");
            browser.waitFor("frank", MESSAGES + ".mine .text", text);
        }
        browser.setOffline("erin", false);

        browser.waitFor("erin", "#messages li.notice.connection", "Reconnected");
        browser.waitTexts(
                "erin", MESSAGES + " .text", "before", "while you were away", "and one more");
        assertThat(browser.eval("erin", "chatSocket.recovered")).hasToString("true");
        browser.waitFor("frank", MESSAGES + ".mine .tick.delivered");
        browser.fill("erin", "#text", "back");
        browser.click("erin", "#send button");
        browser.waitFor("frank", MESSAGES + " .text", "back");
        browser.waitTexts("frank", "#members li", "erin", "frank");
        assertThat(browser.texts("frank", "#messages li.notice")).isEqualTo(noticesBefore);
        browser.screenshot("erin", screenshots.resolve("chat-recovered-erin.png"));
    }

    @Test
    void aPageLimitedToPollingStillChats() {
        enter("carol", "?transports=polling", "carol");
        enter("dave", "?transports=polling", "dave");
        browser.waitTexts("carol", "#members li", "carol", "dave");
        assertThat(browser.eval("carol", "document.getElementById('transport').textContent"))
                .hasToString("\"(polling)\"");

        browser.fill("carol", "#text", "over long-polling");
        browser.click("carol", "#send button");
        browser.waitFor("dave", MESSAGES + " .text", "over long-polling");
        browser.waitFor("carol", MESSAGES + ".mine .tick.delivered");
        browser.fill("dave", "#text", "received");
        browser.click("dave", "#send button");
        browser.waitFor("carol", MESSAGES + " .text", "received");
        assertThat(browser.eval("dave", "document.getElementById('transport').textContent"))
                .hasToString("\"(polling)\"");
        assertThat(browser.websockets("carol")).isEmpty();
        assertThat(browser.websockets("dave")).isEmpty();
        browser.screenshot("carol", screenshots.resolve("chat-polling-carol.png"));
    }

    /** A small PNG with coloured stripes. */
    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Color[] colors = {Color.RED, Color.ORANGE, Color.YELLOW, Color.GREEN, Color.BLUE};
        for (int i = 0; i < colors.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(0, i * height / colors.length, width, height / colors.length + 1);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
