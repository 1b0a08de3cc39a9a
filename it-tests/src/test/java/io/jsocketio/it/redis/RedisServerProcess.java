package io.jsocketio.it.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (the Debian package) on 127.0.0.1, a free port, no persistence; a
 * child process of the test, stopped by its pid.
 */
final class RedisServerProcess implements AutoCloseable {
    private final int port;
    private final List<String> extraArgs;
    private volatile Process process;
    private final StringBuilder log = new StringBuilder();

    private RedisServerProcess(int port, List<String> extraArgs) {
        this.port = port;
        this.extraArgs = List.copyOf(extraArgs);
        this.process = launch();
    }

    /**
     * Starts a server on a free port below the ephemeral range (where outgoing connections of a
     * busy machine could take the port between the probe and redis-server's bind), retrying on
     * another port if the bind fails all the same.
     */
    static RedisServerProcess start() {
        return start(List.of());
    }

    /**
     * As {@link #start()}, with more {@code redis-server} arguments. With {@code --cluster-enabled
     * yes} the cluster bus port (the port + 10000) must be free as well.
     */
    static RedisServerProcess start(List<String> extraArgs) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10000);
            if (!free(port) || !free(port + 10000)) {
                continue;
            }
            try {
                return new RedisServerProcess(port, extraArgs);
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last != null ? last : new IllegalStateException("no free port for redis-server");
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return probe.getLocalPort() == port;
        } catch (IOException inUse) {
            return false;
        }
    }

    private static String binary() {
        for (String candidate :
                new String[] {"/usr/bin/redis-server", "/usr/local/bin/redis-server"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "redis-server";
    }

    private Process launch() {
        List<String> command = new ArrayList<>();
        command.addAll(
                List.of(
                        binary(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no"));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process p = builder.start();
            CountDownLatch ready = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicBoolean accepting =
                    new java.util.concurrent.atomic.AtomicBoolean();
            StringBuilder output = log;
            Thread reader =
                    new Thread(
                            () -> {
                                try (BufferedReader in =
                                        new BufferedReader(
                                                new InputStreamReader(
                                                        p.getInputStream(),
                                                        StandardCharsets.UTF_8))) {
                                    String line;
                                    while ((line = in.readLine()) != null) {
                                        synchronized (output) {
                                            output.append(line).append('\n');
                                        }
                                        if (line.contains("Ready to accept connections")) {
                                            accepting.set(true);
                                            ready.countDown();
                                        }
                                    }
                                } catch (IOException ignored) {
                                    // the process ended
                                }
                                ready.countDown();
                            },
                            "redis-server-output");
            reader.setDaemon(true);
            reader.start();
            if (!ready.await(20, TimeUnit.SECONDS) || !accepting.get()) {
                p.destroyForcibly();
                synchronized (output) {
                    throw new IllegalStateException("redis-server did not start:\n" + output);
                }
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start redis-server (apt-get install redis-server)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the server printed so far (across restarts). */
    String log() {
        synchronized (log) {
            return log.toString();
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Kills the server (connections drop at once) and waits for it to exit. */
    void kill() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port. */
    void restart() {
        process = launch();
    }

    @Override
    public void close() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
