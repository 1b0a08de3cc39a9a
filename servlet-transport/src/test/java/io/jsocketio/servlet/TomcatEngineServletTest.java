package io.jsocketio.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.PollingExchange;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

/**
 * The servlet transport on embedded Tomcat 10.1. Tomcat, unlike Jetty, ends parked asynchronous
 * requests through their {@code AsyncListener} when it stops, which shows the abort path on a real
 * container. (Neither container notices an HTTP/1.1 client that closes an idle connection; {@code
 * AsyncExchangeTest} covers every listener callback.)
 */
class TomcatEngineServletTest extends EngineServletContractTest {

    @Override
    protected Started startContainer(String contextPath, EngineMount mount) throws Exception {
        Path base = newBaseDir();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);
        Context context =
                tomcat.addContext(contextPath.equals("/") ? "" : contextPath, base.toString());
        context.addServletContainerInitializer(
                (classes, servletContext) -> ServletTransport.install(servletContext, mount), null);
        tomcat.start();
        return new Started(
                connector.getLocalPort(),
                () -> {
                    try {
                        tomcat.stop();
                        tomcat.destroy();
                    } finally {
                        deleteTree(base);
                    }
                });
    }

    @Test
    void reportsParkedPollsAsAbortedWhenTheContainerStops() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        engine.answering(exchange -> exchange.onAbort(aborted::countDown));
        start();
        CompletableFuture<HttpResponse<String>> poll =
                http.sendAsync(
                        HttpRequest.newBuilder(uri("/socket.io/?EIO=4&transport=polling&sid=x"))
                                .build(),
                        BodyHandlers.ofString());
        PollingExchange parked = engine.next(WAIT);

        server.close();
        server = null;

        assertThat(aborted.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CountDownLatch late = new CountDownLatch(1);
        parked.onAbort(late::countDown);
        assertThat(late.getCount()).as("a late registration runs at once").isZero();
        answer(parked, 200, "too late"); // ignored, no exception
        poll.handle((r, e) -> null).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * A fresh Tomcat base directory under the module's {@code target/}, not the system temp dir.
     */
    private static Path newBaseDir() throws IOException {
        return Files.createTempDirectory(
                Files.createDirectories(Path.of("target").toAbsolutePath()), "tomcat");
    }

    /** Deletes a Tomcat base directory and everything Tomcat wrote into it. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
