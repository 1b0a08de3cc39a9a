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
 * The dependency directions of DESIGN.md, checked on the sources at every build: core imports no
 * container type, and the engine packages import nothing from the Socket.IO layer.
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
