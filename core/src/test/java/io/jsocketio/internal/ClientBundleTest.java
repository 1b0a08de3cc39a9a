package io.jsocketio.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.StaticFiles.StaticFile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The jsocketio-client-dist jar is a runtime dependency of core, so the reactor puts it on this
 * test class path: these tests read the real files and fail (never skip) when they are missing.
 */
class ClientBundleTest {

    private static final String VERSION_PATTERN = "4\\.8\\.\\d+";

    @Test
    void findsTheClientDistJarOnTheClassPath() {
        ClientBundle bundle = ClientBundle.shared();

        assertThat(bundle.isAvailable()).isTrue();
        assertThat(bundle.version())
                .hasValueSatisfying(v -> assertThat(v).matches(VERSION_PATTERN));
    }

    @Test
    void servesEachScriptAsJavascriptWithTheClientVersionAsStrongEtag() {
        ClientBundle bundle = ClientBundle.shared();
        String version = bundle.version().orElseThrow();

        for (String name :
                List.of(
                        "socket.io.js",
                        "socket.io.min.js",
                        "socket.io.esm.min.js",
                        "socket.io.msgpack.min.js")) {
            StaticFile file = bundle.find(name).orElseThrow(() -> new AssertionError(name));
            assertThat(file.name()).isEqualTo(name);
            assertThat(file.contentType()).isEqualTo("application/javascript; charset=utf-8");
            assertThat(file.etag()).isEqualTo("\"" + version + "\"");
            assertThat(new String(file.body(), UTF_8)).contains("Socket.IO v" + version);
        }
    }

    @Test
    void servesEachSourceMapAsJson() {
        ClientBundle bundle = ClientBundle.shared();

        for (String name :
                List.of(
                        "socket.io.js.map",
                        "socket.io.min.js.map",
                        "socket.io.esm.min.js.map",
                        "socket.io.msgpack.min.js.map")) {
            StaticFile file = bundle.find(name).orElseThrow(() -> new AssertionError(name));
            assertThat(file.contentType()).isEqualTo("application/json; charset=utf-8");
            assertThat(file.etag()).isEqualTo("\"" + bundle.version().orElseThrow() + "\"");
            String json = new String(file.body(), UTF_8);
            assertThat(json).startsWith("{").contains("\"version\":3").contains("\"mappings\"");
        }
    }

    @Test
    void theUnminifiedScriptIsTheBiggestAndEveryFileIsNonEmpty() {
        ClientBundle bundle = ClientBundle.shared();

        for (String name : ClientBundle.FILE_NAMES) {
            assertThat(bundle.find(name))
                    .as(name)
                    .hasValueSatisfying(f -> assertThat(f.body()).isNotEmpty());
        }
        int full = bundle.find("socket.io.js").orElseThrow().body().length;
        int min = bundle.find("socket.io.min.js").orElseThrow().body().length;
        assertThat(full).isGreaterThan(min);
    }

    @Test
    void findsNothingUnderAnyOtherName() {
        ClientBundle bundle = ClientBundle.shared();

        for (String name :
                List.of(
                        "",
                        "socket.io.slim.js",
                        "client-dist.properties",
                        "LICENSE",
                        "../client-dist/socket.io.js",
                        "/socket.io.js",
                        "socket.io.js?v=1",
                        "SOCKET.IO.JS",
                        "io/jsocketio/client-dist/socket.io.js")) {
            assertThat(bundle.find(name)).as(name).isEmpty();
        }
    }

    @Test
    void withoutTheJarTheBundleIsEmptyAndFindsNothing() {
        ClientBundle bundle = new ClientBundle(new ClassLoader(null) {});

        assertThat(bundle.isAvailable()).isFalse();
        assertThat(bundle.version()).isEmpty();
        for (String name : ClientBundle.FILE_NAMES) {
            assertThat(bundle.find(name)).as(name).isEmpty();
        }
    }

    @Test
    void readsEachFileOnceAndReturnsTheSameBytesAfterwards() {
        CountingSource source = new CountingSource();
        ClientBundle bundle = new ClientBundle(source);

        byte[] first = bundle.find("socket.io.min.js").orElseThrow().body();
        byte[] second = bundle.find("socket.io.min.js").orElseThrow().body();
        bundle.find("socket.io.js.map");
        bundle.isAvailable();

        assertThat(second).isSameAs(first);
        assertThat(source.opens).containsOnlyKeys(expectedResources());
        assertThat(source.opens.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    @Test
    void concurrentFirstCallersShareOneRead() throws Exception {
        CountingSource source = new CountingSource();
        ClientBundle bundle = new ClientBundle(source);
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Optional<StaticFile>>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(
                        pool.submit(
                                () -> {
                                    start.await();
                                    return bundle.find("socket.io.js");
                                }));
            }
            start.countDown();
            byte[] body = results.get(0).get(10, TimeUnit.SECONDS).orElseThrow().body();
            for (Future<Optional<StaticFile>> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).orElseThrow().body()).isSameAs(body);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(source.opens.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    }

    private static List<String> expectedResources() {
        List<String> names = new ArrayList<>();
        names.add(ClientBundle.PROPERTIES);
        ClientBundle.FILE_NAMES.forEach(n -> names.add(ClientBundle.RESOURCE_DIR + n));
        return names;
    }

    /** Reads through this class's loader and counts how often each resource is opened. */
    private static final class CountingSource implements ClientBundle.ResourceSource {
        final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();

        @Override
        public InputStream open(String name) {
            opens.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            return ClientBundleTest.class.getClassLoader().getResourceAsStream(name);
        }
    }
}
