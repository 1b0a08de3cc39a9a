package io.jsocketio.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.PollingExchange;
import io.jsocketio.servlet.testing.EmbeddedTomcat;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        EmbeddedTomcat tomcat =
                EmbeddedTomcat.start(
                        contextPath,
                        (classes, servletContext) ->
                                ServletTransport.install(servletContext, mount));
        return new Started(tomcat.port(), tomcat);
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

    @Test
    void aParkedPollAnsweredWhileTheContextStopsReachesTheClient() throws Exception {
        java.util.concurrent.atomic.AtomicReference<PollingExchange> parked =
                new java.util.concurrent.atomic.AtomicReference<>();
        engine.answering(parked::set);
        EmbeddedTomcat tomcat =
                EmbeddedTomcat.start(
                        "/",
                        (classes, servletContext) -> {
                            ServletTransport.install(servletContext, EngineMount.of(engine));
                            servletContext.addListener(
                                    new jakarta.servlet.ServletContextListener() {
                                        @Override
                                        public void contextDestroyed(
                                                jakarta.servlet.ServletContextEvent event) {
                                            // what Server.close() does to a parked poll
                                            answer(parked.get(), 200, "1");
                                        }
                                    });
                        });
        server = tomcat;
        port = tomcat.port();
        CompletableFuture<HttpResponse<String>> poll =
                http.sendAsync(
                        HttpRequest.newBuilder(uri("/socket.io/?EIO=4&transport=polling&sid=x"))
                                .build(),
                        BodyHandlers.ofString());
        engine.next(WAIT);

        tomcat.stopContext();

        HttpResponse<String> answered = poll.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo("1");
    }
}
