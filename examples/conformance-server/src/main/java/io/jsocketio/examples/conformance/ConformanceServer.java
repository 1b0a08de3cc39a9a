package io.jsocketio.examples.conformance;

import io.jsocketio.Server;
import io.jsocketio.ServerOptions;
import io.jsocketio.engine.CorsOptions;
import io.jsocketio.engine.EngineMount;
import io.jsocketio.engine.EngineOptions;
import io.jsocketio.engine.EngineServer;
import io.jsocketio.hosting.EmbeddedServerProvider;
import io.jsocketio.hosting.EmbeddedServerProvider.EmbeddedServer;
import io.jsocketio.redis.RedisAdapterFactory;
import io.jsocketio.redis.RedisShardedAdapterFactory;
import io.jsocketio.spi.Adapter;
import io.jsocketio.spi.AdapterContext;
import io.jsocketio.spi.AdapterFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The conformance server (what the official protocol test suites run against), on 127.0.0.1, port
 * {@code PORT} (default 3000), with the suites' settings: a bare Engine.IO echo server at {@code
 * /engine.io/} and the Socket.IO server of {@link ConformanceApp} at {@code /socket.io/}, the
 * recovery server of {@link RecoveryApp} at {@code /recovery/} and the MessagePack server of {@link
 * MsgpackApp} at {@code /msgpack/}, all on one embedded Jetty. With {@code REDIS_URL} set, every
 * namespace uses the Redis adapter (key prefix {@code socket.io}) and the server joins the cluster
 * of the other servers, Java or Node, on that Redis; with {@code REDIS_CLUSTER_URLS}
 * (comma-separated seed nodes of a Redis Cluster) it uses the sharded adapter there, as Node's
 * {@code createShardedAdapter} does. The suites' short timeouts can be relaxed for load runs (a
 * load generator opening hundreds of sockets from one process is slower to answer): {@code
 * PING_INTERVAL_MS} (default 300), {@code PING_TIMEOUT_MS} (200) and {@code CONNECT_TIMEOUT_MS}
 * (1000); Node's defaults are 25000, 20000 and 45000.
 */
public final class ConformanceServer implements AutoCloseable {
    private final EngineServer echoEngine;
    private final Server io;
    private final Server recovery;
    private final Server msgpack;
    private final EmbeddedServer http;
    private final Cluster redis; // null without REDIS_URL or REDIS_CLUSTER_URLS

    /** A Redis adapter factory, closed with the server. */
    private interface Cluster extends AdapterFactory, AutoCloseable {
        @Override
        void close();
    }

    private ConformanceServer(
            EngineServer echoEngine,
            Server io,
            Server recovery,
            Server msgpack,
            EmbeddedServer http,
            Cluster redis) {
        this.echoEngine = echoEngine;
        this.io = io;
        this.recovery = recovery;
        this.msgpack = msgpack;
        this.http = http;
        this.redis = redis;
    }

    /**
     * The engine options shared by both endpoints (CONFORMANCE.md section 1), with Engine.IO v3
     * clients accepted (section 5).
     */
    static EngineOptions engineOptions(String path) {
        return EngineOptions.builder()
                .path(path)
                .pingInterval(Duration.ofMillis(envMillis("PING_INTERVAL_MS", 300)))
                .pingTimeout(Duration.ofMillis(envMillis("PING_TIMEOUT_MS", 200)))
                .maxHttpBufferSize(1_000_000)
                .cors(CorsOptions.anyOrigin())
                .allowEIO3(true)
                .build();
    }

    /**
     * The options of a Socket.IO server mounted at {@code path} beside the others, with the engine
     * settings of {@link #engineOptions(String)}.
     */
    static ServerOptions.Builder serverOptions(String path) {
        return ServerOptions.builder().engine(engineOptions(path)).path(path);
    }

    /**
     * A duration from the environment: the suites need the defaults; load generators driving many
     * sockets from one process may relax them.
     */
    private static long envMillis(String name, long defaultMillis) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultMillis : Long.parseLong(value.trim());
    }

    /** Starts the server on 127.0.0.1 at {@code port} (0 picks a free one). */
    public static ConformanceServer start(int port) throws IOException {
        return start(port, null);
    }

    /**
     * Starts the server on 127.0.0.1 at {@code port}; with a {@code redisUrl} (such as {@code
     * redis://127.0.0.1:6379}) it joins the Redis cluster there.
     */
    public static ConformanceServer start(int port, String redisUrl) throws IOException {
        return start(port, redisUrl, null);
    }

    /**
     * As {@link #start(int, String)}; with {@code redisClusterUrls} instead (comma-separated seed
     * nodes such as {@code redis://127.0.0.1:7001,redis://127.0.0.1:7002}) it joins the cluster of
     * servers using the sharded adapter on that Redis Cluster.
     */
    public static ConformanceServer start(int port, String redisUrl, String redisClusterUrls)
            throws IOException {
        Cluster redis = cluster(redisUrl, redisClusterUrls);
        EngineServer echo = EngineServer.create(engineOptions("/engine.io/"));
        echo.onConnection(socket -> socket.onMessage(socket::send));
        Server io =
                new Server(
                        ServerOptions.builder()
                                .engine(engineOptions("/socket.io/"))
                                .path("/socket.io/")
                                .connectTimeout(
                                        Duration.ofMillis(envMillis("CONNECT_TIMEOUT_MS", 1000)))
                                .adapter(redis)
                                .build());
        ConformanceApp.install(io);
        // section 6 (its own server, without the Redis adapter: sessions stay in memory) and
        // section 8
        Server recovery = RecoveryApp.create();
        AdminInstrumentation.apply(recovery);
        Server msgpack = MsgpackApp.create(); // section 7
        List<EngineMount> mounts = new ArrayList<>();
        mounts.add(EngineMount.of(echo));
        mounts.add(io.mount());
        mounts.add(recovery.mount());
        mounts.add(msgpack.mount());
        try {
            EmbeddedServer http = EmbeddedServerProvider.load().start("127.0.0.1", port, mounts);
            return new ConformanceServer(echo, io, recovery, msgpack, http, redis);
        } catch (IOException | RuntimeException e) {
            io.close();
            recovery.close();
            msgpack.close();
            echo.close();
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
    }

    private static Cluster cluster(String redisUrl, String redisClusterUrls) {
        if (redisUrl != null && !redisUrl.isBlank()) {
            RedisAdapterFactory pubsub = RedisAdapterFactory.connect(redisUrl);
            return new Cluster() {
                @Override
                public Adapter create(AdapterContext context) {
                    return pubsub.create(context);
                }

                @Override
                public void close() {
                    pubsub.close();
                }
            };
        }
        if (redisClusterUrls != null && !redisClusterUrls.isBlank()) {
            List<String> seeds = new ArrayList<>();
            for (String seed : redisClusterUrls.split(",")) {
                if (!seed.isBlank()) {
                    seeds.add(seed.trim());
                }
            }
            RedisShardedAdapterFactory sharded = RedisShardedAdapterFactory.connectCluster(seeds);
            return new Cluster() {
                @Override
                public Adapter create(AdapterContext context) {
                    return sharded.create(context);
                }

                @Override
                public void close() {
                    sharded.close();
                }
            };
        }
        return null;
    }

    /** The port it listens on. */
    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        io.close();
        recovery.close();
        msgpack.close();
        echoEngine.close();
        http.close();
        if (redis != null) {
            redis.close();
        }
    }

    /** Runs until killed. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "3000"));
        String redisUrl = System.getenv("REDIS_URL");
        String redisClusterUrls = System.getenv("REDIS_CLUSTER_URLS");
        ConformanceServer server = start(port, redisUrl, redisClusterUrls);
        String where = redisUrl != null && !redisUrl.isBlank() ? redisUrl : redisClusterUrls;
        System.out.println(
                "conformance server listening on http://127.0.0.1:"
                        + server.port()
                        + (server.redis != null ? " in the Redis cluster at " + where : ""));
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    server.close();
                                    forever.countDown();
                                }));
        forever.await();
    }
}
