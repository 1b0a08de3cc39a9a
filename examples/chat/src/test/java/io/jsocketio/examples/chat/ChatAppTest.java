package io.jsocketio.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMessage;
import io.jsocketio.testing.FakeEngineSocket;
import io.jsocketio.testing.SioHarness;
import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chat's events as Socket.IO packets (without the Engine.IO {@code 4}), against {@link
 * ChatApp}.
 */
class ChatAppTest {
    private static final String TIME = "\"time\":\"[0-9T:.Z-]+\"";

    private final SioHarness h = SioHarness.create();

    ChatAppTest() {
        ChatApp.install(h.io);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private FakeEngineSocket member(String name, String room) {
        FakeEngineSocket conn = h.open();
        conn.receive("0{\"name\":\"" + name + "\"}");
        conn.receive("21[\"join\",\"" + room + "\"]");
        assertThat(conn.texts()).contains("31[{\"room\":\"" + room + "\"}]");
        conn.clearSent();
        return conn;
    }

    @Test
    void theNicknameIsTrimmedShortenedOrMadeUp() {
        assertThat(
                        ChatApp.nickname(
                                Json.createObjectBuilder().add("name", "  ann \t lee ").build(),
                                "abcdef"))
                .isEqualTo("ann lee");
        assertThat(
                        ChatApp.nickname(
                                Json.createObjectBuilder().add("name", "x".repeat(40)).build(),
                                "abcdef"))
                .hasSize(24);
        assertThat(ChatApp.nickname(Json.createObjectBuilder().add("name", 7).build(), "abcdef"))
                .isEqualTo("guest-abcd");
        assertThat(ChatApp.nickname(Json.createObjectBuilder().build(), "abcdef"))
                .isEqualTo("guest-abcd");
    }

    @Test
    void joiningAcksThenTellsTheRoomAndSendsItsMembers() {
        FakeEngineSocket alice = member("alice", "general");
        FakeEngineSocket bob = h.open();
        bob.receive("0{\"name\":\"bob\"}");
        bob.clearSent();

        bob.receive("22[\"join\",\"general\"]");

        assertThat(bob.texts().get(0)).isEqualTo("32[{\"room\":\"general\"}]");
        assertThat(bob.texts().get(1))
                .matches(
                        "2\\[\"notice\",\\{\"room\":\"general\",\"text\":\"bob joined #general\","
                                + TIME
                                + "}]");
        assertThat(bob.texts().get(2))
                .isEqualTo("2[\"members\",{\"room\":\"general\",\"members\":[\"alice\",\"bob\"]}]");
        assertThat(alice.texts()).isEqualTo(bob.texts().subList(1, 3));
    }

    @Test
    void aBadRoomNameIsRefused() {
        FakeEngineSocket conn = h.open();
        conn.receive("0{\"name\":\"alice\"}");
        conn.clearSent();

        conn.receive("23[\"join\",\"no spaces\"]");

        assertThat(conn.texts())
                .containsExactly(
                        "33[{\"error\":\"a room name is 1 to 32 letters, digits, - or _\"}]");
    }

    @Test
    void aMessageIsAckedWithItsIdThenReportedDeliveredWhenTheOthersReceiveIt() {
        FakeEngineSocket alice = member("alice", "general");
        FakeEngineSocket bob = member("bob", "general");
        alice.clearSent();

        alice.receive("25[\"message\",{\"room\":\"general\",\"text\":\" hi bob \"}]");

        assertThat(alice.texts())
                .singleElement()
                .asString()
                .matches("35\\[\\{\"id\":\"m1\"," + TIME + "}]");
        assertThat(bob.texts())
                .singleElement()
                .asString()
                .matches(
                        "2\\[\"message\",\\{\"id\":\"m1\",\"room\":\"general\",\"from\":\"alice\",\"text\":\"hi bob\","
                                + TIME
                                + "}]");
        alice.clearSent();

        bob.receive("2[\"received\",{\"id\":\"m1\"}]");

        assertThat(alice.texts())
                .containsExactly(
                        "2[\"delivered\",{\"id\":\"m1\",\"room\":\"general\",\"count\":1}]");
    }

    @Test
    void aMessageToARoomNotJoinedIsRefused() {
        FakeEngineSocket alice = member("alice", "general");

        alice.receive("26[\"message\",{\"room\":\"other\",\"text\":\"hi\"}]");

        assertThat(alice.texts()).containsExactly("36[{\"error\":\"join #other first\"}]");
    }

    @Test
    void typingIsRelayedAsAVolatileEventThatADisconnectedTransportDrops() {
        FakeEngineSocket alice = member("alice", "general");
        FakeEngineSocket bob = member("bob", "general");
        alice.clearSent();

        alice.receive("2[\"typing\",{\"room\":\"general\",\"typing\":true}]");
        bob.writable(false);
        alice.receive("2[\"typing\",{\"room\":\"general\",\"typing\":false}]");

        assertThat(bob.texts())
                .containsExactly(
                        "2[\"typing\",{\"room\":\"general\",\"name\":\"alice\",\"typing\":true}]");
        assertThat(alice.texts()).isEmpty();
    }

    @Test
    void anImageIsRelayedAsABinaryAttachment() {
        FakeEngineSocket alice = member("alice", "general");
        FakeEngineSocket bob = member("bob", "general");
        alice.clearSent();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        alice.receive(
                "51-7[\"image\",{\"room\":\"general\",\"name\":\"a.png\",\"mime\":\"image/png\"},"
                        + "{\"_placeholder\":true,\"num\":0}]");
        alice.receive(png);

        assertThat(alice.texts())
                .singleElement()
                .asString()
                .matches("37\\[\\{\"id\":\"m1\"," + TIME + "}]");
        List<EngineMessage> toBob = bob.messages();
        assertThat(toBob).hasSize(2);
        assertThat(toBob.get(0).text())
                .matches(
                        "51-\\[\"image\",\\{\"id\":\"m1\",\"room\":\"general\",\"from\":\"alice\",\"name\":\"a.png\","
                                + "\"mime\":\"image/png\","
                                + TIME
                                + "},\\{\"_placeholder\":true,\"num\":0}]");
        assertThat(toBob.get(1).binary()).isEqualTo(png);
    }

    @Test
    void anImageOfAnotherTypeIsRefused() {
        FakeEngineSocket alice = member("alice", "general");

        alice.receive(
                "51-8[\"image\",{\"room\":\"general\",\"name\":\"a.svg\",\"mime\":\"image/svg+xml\"},"
                        + "{\"_placeholder\":true,\"num\":0}]");
        alice.receive(new byte[] {'<'});

        assertThat(alice.texts())
                .containsExactly("38[{\"error\":\"send a PNG, JPEG, GIF or WebP image\"}]");
    }

    @Test
    void leavingOrDisconnectingTellsTheRoomAndShrinksItsMembers() {
        FakeEngineSocket alice = member("alice", "general");
        FakeEngineSocket bob = member("bob", "general");
        FakeEngineSocket carol = member("carol", "general");
        alice.clearSent();
        bob.clearSent();

        bob.receive("29[\"leave\",\"general\"]");
        carol.receive("1");

        assertThat(alice.texts()).hasSize(4);
        assertThat(alice.texts().get(0)).contains("\"text\":\"bob left #general\"");
        assertThat(alice.texts().get(1))
                .isEqualTo(
                        "2[\"members\",{\"room\":\"general\",\"members\":[\"alice\",\"carol\"]}]");
        assertThat(alice.texts().get(2)).contains("\"text\":\"carol disconnected\"");
        assertThat(alice.texts().get(3))
                .isEqualTo("2[\"members\",{\"room\":\"general\",\"members\":[\"alice\"]}]");
        assertThat(bob.texts().get(0)).isEqualTo("39[{\"room\":\"general\"}]");
    }
}
