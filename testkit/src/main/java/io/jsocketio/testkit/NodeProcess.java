package io.jsocketio.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A Node.js script from {@code testkit/node} running as a child process that speaks JSON lines:
 * each line it prints on stdout is one JSON object (an event), each line written to its stdin is
 * one JSON object (a command). Stdout, stderr and the commands sent are kept in a transcript, which
 * every failure message shows whole.
 *
 * <p>Thread-safety: safe for concurrent use. Two daemon threads read stdout and stderr; {@link
 * #send} may be called from any thread (lines are written whole, one at a time); {@link #await}
 * blocks the caller only.
 *
 * <pre>{@code
 * try (NodeProcess client = NodeProcess.start("sio-client.js", "4")) {
 *     client.send(NodeJson.command("connect").add("id", "a").add("url", url).build());
 *     JsonObject connected = client.await(NodeProcess.event("connect", "a"), Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>{@link #close()} ends only this process (its own pid): first by closing stdin, on which the
 * scripts exit, then {@link Process#destroy()}, then {@link Process#destroyForcibly()}.
 */
public final class NodeProcess implements AutoCloseable {

    /** System property naming the {@code testkit/node} directory; found by walking up otherwise. */
    public static final String NODE_DIR_PROPERTY = "jsocketio.testkit.node";

    /** System property naming the node executable; {@code node} (from the PATH) otherwise. */
    public static final String NODE_EXECUTABLE_PROPERTY = "jsocketio.node";

    private static final String INSTALLED_STAMP = "node_modules/.jsocketio-installed-lock.json";

    private final String script;
    private final Process process;
    private final long startNanos = System.nanoTime();
    private final Writer stdin;
    private final ReentrantLock stdinLock = new ReentrantLock();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<String> transcript = new ArrayList<>(); // guarded by lock
    private final List<JsonObject> lines = new ArrayList<>(); // guarded by lock
    private final List<Boolean> consumed = new ArrayList<>(); // guarded by lock
    private boolean stdoutEnded; // guarded by lock
    private boolean closed; // guarded by lock

    private NodeProcess(String script, Process process) {
        this.script = script;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), UTF_8);
        this.stdoutReader = reader("stdout", process.getInputStream(), this::onStdout);
        this.stderrReader = reader("stderr", process.getErrorStream(), this::onStderr);
        stdoutReader.start();
        stderrReader.start();
    }

    /** Starts {@code node <script> <args>} in {@link #nodeDirectory()}. */
    public static NodeProcess start(String script, String... args) {
        return script(script).args(args).start();
    }

    /** A builder for {@code node <script>}, to add arguments and environment variables. */
    public static Builder script(String script) {
        return new Builder(script);
    }

    /** Matches a line whose {@code event} is {@code name}. */
    public static Predicate<JsonObject> event(String name) {
        return line -> name.equals(line.getString("event", null));
    }

    /**
     * Matches a line whose {@code event} is {@code name} and whose client {@code id} is {@code id}.
     */
    public static Predicate<JsonObject> event(String name, String id) {
        return event(name).and(line -> id.equals(line.getString("id", null)));
    }

    /**
     * The {@code testkit/node} directory: the system property {@value #NODE_DIR_PROPERTY} if set,
     * else the first {@code testkit/node} holding a {@code package.json} found walking up from the
     * working directory (any module's directory, or the project root).
     *
     * @throws IllegalStateException if none is found, or its {@code node_modules} was not installed
     *     (the testkit module's build installs it)
     */
    public static Path nodeDirectory() {
        String configured = System.getProperty(NODE_DIR_PROPERTY);
        Path dir = configured != null ? Path.of(configured) : findNodeDirectory();
        if (!Files.isRegularFile(dir.resolve("package.json"))) {
            throw new IllegalStateException("no package.json in " + dir);
        }
        if (!Files.isRegularFile(dir.resolve(INSTALLED_STAMP))) {
            throw new IllegalStateException(
                    dir.resolve("node_modules")
                            + " is not installed: build the testkit module first (mvn -pl <module>"
                            + " -am verify) or run testkit/node/ensure-node-modules.sh");
        }
        return dir;
    }

    private static Path findNodeDirectory() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("testkit").resolve("node");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no testkit/node/package.json above " + start + "; set -D" + NODE_DIR_PROPERTY);
    }

    /**
     * The version {@code node --version} prints (e.g. {@code v20.20.2}); empty if node won't run.
     */
    public static Optional<String> nodeVersion() {
        try {
            Process p =
                    new ProcessBuilder(nodeExecutable(), "--version")
                            .redirectErrorStream(true)
                            .start();
            String out = new String(p.getInputStream().readAllBytes(), UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String nodeExecutable() {
        return System.getProperty(NODE_EXECUTABLE_PROPERTY, "node");
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Writes {@code command} as one line to the script's stdin.
     *
     * @throws AssertionError with the transcript, if the process no longer reads its stdin
     */
    public void send(JsonObject command) {
        String line = command.toString();
        note("in  " + line);
        stdinLock.lock();
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw failure("cannot send " + line + ": " + e.getMessage());
        } finally {
            stdinLock.unlock();
        }
    }

    /** As {@link #await(String, Predicate, Duration)}, described by the predicate's string form. */
    public JsonObject await(Predicate<JsonObject> match, Duration timeout) {
        return await(String.valueOf(match), match, timeout);
    }

    /** Waits for the next line whose {@code event} is {@code name}. */
    public JsonObject awaitEvent(String name, Duration timeout) {
        return await("event " + name, event(name), timeout);
    }

    /** Waits for the next line whose {@code event} is {@code name} for client {@code id}. */
    public JsonObject awaitEvent(String name, String id, Duration timeout) {
        return await("event " + name + " of client " + id, event(name, id), timeout);
    }

    /**
     * Returns the earliest stdout line that matches and that no earlier {@code await} returned,
     * waiting up to {@code timeout} for it. Lines that do not match stay available to later calls.
     *
     * @param description what is awaited, for the failure message
     * @throws AssertionError with the whole transcript, when the timeout passes or the process's
     *     stdout ends first
     */
    public JsonObject await(String description, Predicate<JsonObject> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            int from = 0; // lines before it did not match (lines are only ever appended)
            while (true) {
                for (int i = from; i < lines.size(); i++) {
                    if (!consumed.get(i) && match.test(lines.get(i))) {
                        consumed.set(i, true);
                        return lines.get(i);
                    }
                }
                from = lines.size();
                if (stdoutEnded) {
                    throw failure(
                            "the process's output ended (exit "
                                    + exitText()
                                    + ") before "
                                    + description);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw failure("timed out after " + timeout + " waiting for " + description);
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for " + description);
        } finally {
            lock.unlock();
        }
    }

    /** Every JSON line printed so far, in order (a snapshot). */
    public List<JsonObject> lines() {
        lock.lock();
        try {
            return List.copyOf(lines);
        } finally {
            lock.unlock();
        }
    }

    /** The transcript so far: commands sent, stdout and stderr lines, the exit, with times. */
    public String transcript() {
        lock.lock();
        try {
            return String.join("\n", transcript);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the process (idempotent): closes its stdin and waits up to 3 s for it to exit, then
     * sends SIGTERM ({@link Process#destroy()}), then SIGKILL. Only this process's pid is
     * signalled.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            lock.unlock();
        }
        try {
            stdinLock.lock();
            try {
                stdin.close();
            } catch (IOException e) {
                note("stdin close failed: " + e.getMessage());
            } finally {
                stdinLock.unlock();
            }
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                note("still running 3 s after stdin closed: destroy");
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    note("still running 2 s after destroy: destroyForcibly");
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
            stdoutReader.join(2000);
            stderrReader.join(2000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "node " + script + " (pid " + process.pid() + ")";
    }

    private void onStdout(String line) {
        JsonObject json = parse(line);
        lock.lock();
        try {
            if (json == null) {
                transcript.add(stamp() + "out (not JSON) " + line);
            } else {
                transcript.add(stamp() + "out " + line);
                lines.add(json);
                consumed.add(false);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onStderr(String line) {
        note("err " + line);
    }

    private void onStdoutEnd() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            stdoutEnded = true;
            transcript.add(stamp() + "stdout ended, exit " + exitText());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private String exitText() {
        return process.isAlive() ? "not yet" : String.valueOf(process.exitValue());
    }

    private static @Nullable JsonObject parse(String line) {
        if (!line.startsWith("{")) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        } catch (JsonException e) {
            return null;
        }
    }

    private void note(String entry) {
        lock.lock();
        try {
            transcript.add(stamp() + entry);
        } finally {
            lock.unlock();
        }
    }

    private String stamp() {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        return String.format("%6d ms  ", ms);
    }

    private AssertionError failure(String message) {
        return new AssertionError(
                message + "\n--- transcript of " + this + " ---\n" + transcript() + "\n---");
    }

    private Thread reader(String stream, InputStream in, java.util.function.Consumer<String> sink) {
        Thread thread =
                new Thread(
                        () -> {
                            try (BufferedReader reader =
                                    new BufferedReader(new InputStreamReader(in, UTF_8))) {
                                for (String line; (line = reader.readLine()) != null; ) {
                                    sink.accept(line);
                                }
                            } catch (IOException e) {
                                note(stream + " read failed: " + e.getMessage());
                            } finally {
                                if (stream.equals("stdout")) {
                                    onStdoutEnd();
                                }
                            }
                        },
                        "node-" + stream + "-" + process.pid());
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Builds a {@link NodeProcess}: script, arguments, environment.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private final String script;
        private final List<String> args = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();

        private Builder(String script) {
            this.script = Objects.requireNonNull(script, "script");
        }

        /** Adds arguments after the script name. */
        public Builder args(String... more) {
            args.addAll(List.of(more));
            return this;
        }

        /**
         * Sets an environment variable of the process (the test JVM's environment is inherited).
         */
        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /**
         * Starts the process in {@link #nodeDirectory()}.
         *
         * @throws IllegalStateException if node cannot be started
         */
        public NodeProcess start() {
            Path dir = nodeDirectory();
            List<String> command = new ArrayList<>();
            command.add(nodeExecutable());
            command.add(script);
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
            builder.environment().putAll(env);
            try {
                return new NodeProcess(script, builder.start());
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + command + " in " + dir, e);
            }
        }
    }
}
