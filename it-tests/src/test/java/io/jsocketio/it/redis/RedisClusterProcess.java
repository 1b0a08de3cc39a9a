package io.jsocketio.it.redis;

import io.lettuce.core.cluster.SlotHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A real Redis Cluster on 127.0.0.1: three masters and three replicas ({@code redis-server
 * --cluster-enabled yes}, joined with {@code redis-cli --cluster create}), each a child process of
 * the test on a free port, stopped by its pid. A node that misses for 1 s is taken as failed, so a
 * killed master's replica takes over within a few seconds, once it has copied its master (see
 * {@link #awaitReplicasInSync}).
 */
final class RedisClusterProcess implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(30);

    private final List<RedisServerProcess> nodes = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();

    private RedisClusterProcess() {}

    static RedisClusterProcess start() {
        RedisClusterProcess cluster = new RedisClusterProcess();
        try {
            cluster.launch();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void launch() {
        for (int i = 0; i < 6; i++) {
            Path dir;
            try {
                dir = Files.createTempDirectory("jsocketio-redis-cluster");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dirs.add(dir);
            nodes.add(
                    RedisServerProcess.start(
                            List.of(
                                    "--cluster-enabled",
                                    "yes",
                                    "--cluster-config-file",
                                    "nodes.conf",
                                    "--cluster-node-timeout",
                                    "1000",
                                    // replicas copy their master at once, not after 5 s
                                    "--repl-diskless-sync-delay",
                                    "0",
                                    "--dir",
                                    dir.toString())));
        }
        List<String> create = new ArrayList<>(List.of("--cluster", "create"));
        for (RedisServerProcess node : nodes) {
            create.add("127.0.0.1:" + node.port());
        }
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        cli(create);
        awaitHealthy();
    }

    /** Waits until every live node sees all 16384 slots served. */
    void awaitHealthy() {
        Awaitility.await("a healthy Redis cluster")
                .atMost(READY)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () ->
                                live().stream()
                                        .allMatch(
                                                node -> {
                                                    String info =
                                                            cli(
                                                                    List.of(
                                                                            "-p",
                                                                            Integer.toString(
                                                                                    node.port()),
                                                                            "cluster",
                                                                            "info"));
                                                    return info.contains("cluster_state:ok")
                                                            && info.contains(
                                                                    "cluster_slots_ok:16384");
                                                }));
    }

    /**
     * Waits until every live replica has copied its master ({@code master_link_status:up}). Until
     * then a master that fails cannot be replaced: its replica refuses to take over ("Disconnected
     * from master for longer than allowed") and the master's slots stay down until it is back.
     */
    void awaitReplicasInSync() {
        Awaitility.await("replicas in sync with their masters")
                .atMost(READY)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            List<String> replicas =
                                    live().stream()
                                            .map(
                                                    node ->
                                                            cli(
                                                                    List.of(
                                                                            "-p",
                                                                            Integer.toString(
                                                                                    node.port()),
                                                                            "info",
                                                                            "replication")))
                                            .filter(info -> info.contains("role:slave"))
                                            .collect(Collectors.toList());
                            return !replicas.isEmpty()
                                    && replicas.stream()
                                            .allMatch(i -> i.contains("master_link_status:up"));
                        });
    }

    private List<RedisServerProcess> live() {
        return nodes.stream()
                .filter(n -> ProcessHandle.of(n.pid()).map(ProcessHandle::isAlive).orElse(false))
                .collect(Collectors.toList());
    }

    /** Seed URIs of every node. */
    List<String> seeds() {
        return nodes.stream().map(RedisServerProcess::url).collect(Collectors.toList());
    }

    /** The port of the master that serves {@code channel}'s hash slot now. */
    int masterPortFor(String channel) {
        int slot = SlotHash.getSlot(channel.getBytes(StandardCharsets.UTF_8));
        RedisServerProcess any = live().get(0);
        String table = cli(List.of("-p", Integer.toString(any.port()), "cluster", "nodes"));
        for (String line : table.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 9 || !f[2].contains("master") || f[2].contains("fail")) {
                continue;
            }
            for (int i = 8; i < f.length; i++) {
                String range = f[i];
                if (range.startsWith("[")) {
                    continue; // a slot being migrated
                }
                String[] bounds = range.split("-");
                int from = Integer.parseInt(bounds[0]);
                int to = bounds.length > 1 ? Integer.parseInt(bounds[1]) : from;
                if (slot >= from && slot <= to) {
                    String address = f[1].substring(0, f[1].indexOf('@'));
                    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot + ":\n" + table);
    }

    /** {@code PUBSUB SHARDNUMSUB channel} on the master serving it. */
    long shardSubscribers(String channel) {
        String out =
                cli(
                        List.of(
                                "-p",
                                Integer.toString(masterPortFor(channel)),
                                "pubsub",
                                "shardnumsub",
                                channel));
        String[] lines = out.trim().split("\n");
        return Long.parseLong(lines[lines.length - 1].trim());
    }

    /** Waits until {@code count} connections subscribe to {@code channel}. */
    void awaitShardSubscribers(String channel, long count) {
        Awaitility.await(count + " subscribers of " + channel)
                .atMost(READY)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> shardSubscribers(channel) == count);
    }

    /** The nodes' views of the cluster and their logs, for a failure message. */
    String describe() {
        StringBuilder out = new StringBuilder();
        for (RedisServerProcess node : nodes) {
            out.append("---- node ").append(node.port());
            if (live().contains(node)) {
                try {
                    out.append(" cluster nodes:\n")
                            .append(
                                    cli(
                                            List.of(
                                                    "-p",
                                                    Integer.toString(node.port()),
                                                    "cluster",
                                                    "nodes")));
                } catch (RuntimeException e) {
                    out.append(" (cluster nodes failed: ").append(e.getMessage()).append(")\n");
                }
            } else {
                out.append(" (dead)\n");
            }
            out.append("-- log:\n").append(node.log());
        }
        return out.toString();
    }

    /** Kills the node listening on {@code port} (its connections drop at once). */
    void kill(int port) {
        nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow().kill();
    }

    private static String cli(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add("redis-cli");
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        command + " failed:\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run redis-cli (apt-get install redis-tools)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (RedisServerProcess node : nodes) {
            node.close();
        }
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }
}
