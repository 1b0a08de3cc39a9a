package io.jsocketio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency directions of core, checked on the sources at every build: core imports no
 * container type (servlet, WebSocket, CDI, Jetty, Tomcat, Redis or Netty: transports and
 * integrations adapt to core, never the reverse); the engine packages import nothing from the
 * Socket.IO layer; the Socket.IO codec imports nothing from the layers above it; and the exported
 * packages import no {@code internal} one.
 */
class LayeringTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void coreImportsNoContainerType() throws IOException {
        List<String> offending =
                imports(MAIN)
                        .filter(
                                i ->
                                        i.imported()
                                                .matches(
                                                        "^(jakarta\\.servlet|jakarta\\.websocket|jakarta\\.enterprise"
                                                                + "|org\\.eclipse\\.jetty|org\\.apache\\.catalina"
                                                                + "|io\\.lettuce|io\\.netty)\\..*"))
                        .map(Import::toString)
                        .toList();
        assertThat(offending).isEmpty();
    }

    @Test
    void enginePackagesImportNothingFromTheSocketLayer() throws IOException {
        List<String> offending =
                imports(MAIN.resolve("io/jsocketio/engine"))
                        .filter(i -> i.imported().startsWith("io.jsocketio."))
                        .filter(i -> !i.imported().startsWith("io.jsocketio.engine."))
                        .map(Import::toString)
                        .toList();
        assertThat(offending).isEmpty();
    }

    /**
     * The exported packages (API, SPI, codecs) import no {@code internal} package: the layers above
     * depend on them, never the reverse. The two entry points that construct their implementation
     * are the exceptions: {@code new Server(...)} delegates to {@code ServerImpl}, {@code
     * EngineServer.create(...)} returns a {@code DefaultEngineServer}.
     */
    @Test
    void exportedPackagesImportNoInternalPackage() throws IOException {
        List<String> offending =
                imports(MAIN)
                        .filter(i -> !i.file().toString().contains("/internal/"))
                        .filter(
                                i ->
                                        i.imported()
                                                .matches("^io\\.jsocketio\\.(.+\\.)?internal\\..*"))
                        .filter(
                                i ->
                                        !(i.file().endsWith("io/jsocketio/Server.java")
                                                        && i.imported()
                                                                .equals(
                                                                        "io.jsocketio.internal.ServerImpl"))
                                                && !(i.file()
                                                                .endsWith(
                                                                        "io/jsocketio/engine/EngineServer.java")
                                                        && i.imported()
                                                                .equals(
                                                                        "io.jsocketio.engine.internal.DefaultEngineServer")))
                        .map(Import::toString)
                        .toList();
        assertThat(offending).isEmpty();
    }

    /** The Socket.IO codec sits on the engine's message type, below the socket layer. */
    @Test
    void theCodecImportsNothingFromTheLayersAboveIt() throws IOException {
        List<String> offending =
                imports(MAIN.resolve("io/jsocketio/parser"))
                        .filter(i -> i.imported().startsWith("io.jsocketio."))
                        .filter(i -> !i.imported().startsWith("io.jsocketio.parser."))
                        .filter(i -> !i.imported().startsWith("io.jsocketio.engine."))
                        .filter(i -> !i.imported().contains(".internal."))
                        .map(Import::toString)
                        .toList();
        assertThat(offending).isEmpty();
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        assertThat(imports(MAIN.resolve("io/jsocketio/engine")).count()).isGreaterThan(10);
    }

    private record Import(Path file, String imported) {
        @Override
        public String toString() {
            return file + " imports " + imported;
        }
    }

    private static Stream<Import> imports(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> java = files.filter(p -> p.toString().endsWith(".java")).toList();
            return java.stream().flatMap(LayeringTest::importsOf);
        }
    }

    private static Stream<Import> importsOf(Path file) {
        try {
            Matcher m = IMPORT.matcher(Files.readString(file));
            Stream.Builder<Import> out = Stream.builder();
            while (m.find()) {
                out.add(new Import(file, m.group(1)));
            }
            return out.build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
