package io.jsocketio.testkit;

import static io.jsocketio.testkit.NodeProcess.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NodeProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void nodeIsOnThePathAndAtLeastVersion18() {
        String version = NodeProcess.nodeVersion().orElseThrow(() -> new AssertionError("no node"));

        assertThat(version).matches("v\\d+\\.\\d+\\.\\d+.*");
        assertThat(Integer.parseInt(version.substring(1, version.indexOf('.'))))
                .isGreaterThanOrEqualTo(18);
    }

    @Test
    void findsTestkitNodeWithItsModulesInstalled() {
        Path dir = NodeProcess.nodeDirectory();

        assertThat(dir.endsWith(Path.of("testkit", "node"))).isTrue();
        for (String pkg :
                new String[] {
                    "socket.io-client", "socket.io-client-v2", "engine.io-client", "socket.io"
                }) {
            assertThat(
                            Files.isRegularFile(
                                    dir.resolve("node_modules")
                                            .resolve(pkg)
                                            .resolve("package.json")))
                    .as(pkg)
                    .isTrue();
        }
    }

    @Test
    void returnsEachMatchingLineOnceInOrderAndLeavesOthersForLaterCalls() {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "4")) {
            client.send(NodeJson.command("nonsense").build());
            client.send(NodeJson.command("also-nonsense").build());

            JsonObject first = client.awaitEvent("command_error", TIMEOUT);
            JsonObject second = client.awaitEvent("command_error", TIMEOUT);
            JsonObject ready = client.awaitEvent("ready", TIMEOUT);

            assertThat(first.getString("message")).isEqualTo("unknown command nonsense");
            assertThat(second.getString("message")).isEqualTo("unknown command also-nonsense");
            assertThat(ready.getString("version")).startsWith("4.8.");
            assertThat(client.lines()).hasSize(3);
        }
    }

    @Test
    void aTimedOutAwaitFailsWithTheWholeTranscript() {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "4")) {
            client.awaitEvent("ready", TIMEOUT);
            client.send(NodeJson.command("nonsense").build());
            client.awaitEvent("command_error", TIMEOUT);

            assertThatThrownBy(
                            () ->
                                    client.await(
                                            "a line that never comes",
                                            event("never"),
                                            Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining(
                            "timed out after PT0.2S waiting for a line that never comes")
                    .hasMessageContaining(
                            "transcript of node sio-client.js (pid " + client.pid() + ")")
                    .hasMessageContaining("in  {\"cmd\":\"nonsense\"}")
                    .hasMessageContaining("out {\"event\":\"ready\"")
                    .hasMessageContaining("out {\"event\":\"command_error\"");
        }
    }

    @Test
    void anAwaitFailsAsSoonAsTheProcessEndsWithItsExitCodeAndStderr() {
        try (NodeProcess client = NodeProcess.start("sio-client.js", "3")) {
            assertThatThrownBy(() -> client.awaitEvent("ready", Duration.ofMinutes(5)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("output ended (exit 2) before event ready")
                    .hasMessageContaining("err usage: node sio-client.js [4|2]");
        }
    }

    @Test
    void closeEndsItsOwnProcess() {
        NodeProcess client = NodeProcess.start("sio-client.js", "4");
        client.awaitEvent("ready", TIMEOUT);
        long pid = client.pid();

        client.close();
        client.close();

        assertThat(client.isAlive()).isFalse();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(client.transcript()).contains("stdout ended, exit 0");
    }
}
