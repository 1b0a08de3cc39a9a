package io.jsocketio.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jsocketio.Server;
import io.jsocketio.redis.RedisAdapterFactory;
import io.jsocketio.spi.AdapterFactory;
import io.jsocketio.spring.autoconfigure.SocketIoAutoConfiguration;
import io.jsocketio.spring.autoconfigure.SocketIoRedisAdapterConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * {@code jsocketio.adapter.redis.*} with a real {@code redis-server}: two applications configured
 * with the same Redis form one cluster (a server-side emit of one reaches the other), and an
 * application's own {@code AdapterFactory} bean wins.
 */
class RedisAdapterPropertiesTest {
    private static Process redis;
    private static int port;

    private final WebApplicationContextRunner app =
            new WebApplicationContextRunner()
                    .withConfiguration(
                            AutoConfigurations.of(
                                    SocketIoRedisAdapterConfiguration.class,
                                    SocketIoAutoConfiguration.class));

    /** A redis-server child process on a free port (redis cannot bind port 0), no persistence. */
    @BeforeAll
    static void startRedis() throws Exception {
        for (int attempt = 0; redis == null && attempt < 10; attempt++) {
            int candidate = 20000 + ThreadLocalRandom.current().nextInt(10000);
            try (ServerSocket probe = new ServerSocket(candidate)) {
                probe.setReuseAddress(true);
            } catch (IOException inUse) {
                continue;
            }
            Process p =
                    new ProcessBuilder(
                                    "redis-server",
                                    "--port",
                                    Integer.toString(candidate),
                                    "--bind",
                                    "127.0.0.1",
                                    "--save",
                                    "",
                                    "--appendonly",
                                    "no")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            port = candidate;
            redis = p;
            await("redis-server on " + candidate)
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> !p.isAlive() || answersPing(candidate));
            if (!p.isAlive()) {
                redis = null; // the port was taken after all
            }
        }
        assertThat(redis).as("a redis-server started").isNotNull();
    }

    private static boolean answersPing(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(5), StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.destroy();
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly();
            }
        }
    }

    private WebApplicationContextRunner clustered() {
        return app.withPropertyValues(
                "jsocketio.adapter.redis.uri=redis://127.0.0.1:" + port,
                "jsocketio.adapter.redis.key=starter-test",
                "jsocketio.adapter.redis.requests-timeout=3s");
    }

    @Test
    void twoApplicationsOnOneRedisFormACluster() {
        clustered()
                .run(
                        a ->
                                clustered()
                                        .run(
                                                b -> {
                                                    Server sa = a.getBean(Server.class);
                                                    Server sb = b.getBean(Server.class);
                                                    assertThat(sa.adapter())
                                                            .isSameAs(
                                                                    a.getBean(
                                                                            RedisAdapterFactory
                                                                                    .class));
                                                    oneClusterOfTwo(sa, sb);
                                                }));
    }

    private static void oneClusterOfTwo(Server a, Server b) throws Exception {
        await("two servers")
                .atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                a.of("/")
                                                .adapter()
                                                .serverCount()
                                                .toCompletableFuture()
                                                .get(5, TimeUnit.SECONDS)
                                        == 2);
        CompletableFuture<String> hello = new CompletableFuture<>();
        b.onServerSideEmit("hello", (args, ack) -> hello.complete(args.getString(0)));
        a.serverSideEmit("hello", "from a");
        assertThat(hello.get(10, TimeUnit.SECONDS)).isEqualTo("from a");
    }

    @Test
    void withoutTheUriTheServerKeepsTheInMemoryAdapter() {
        app.run(c -> assertThat(c).doesNotHaveBean(RedisAdapterFactory.class));
    }

    @Test
    void theApplicationsAdapterFactoryWins() {
        AdapterFactory mine = AdapterFactory.inMemory();
        clustered()
                .withBean("mine", AdapterFactory.class, () -> mine)
                .run(
                        c -> {
                            assertThat(c).doesNotHaveBean(RedisAdapterFactory.class);
                            assertThat(c.getBean(Server.class).adapter()).isSameAs(mine);
                        });
    }
}
