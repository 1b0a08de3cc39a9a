package io.jsocketio.internal;

import io.jsocketio.engine.StaticFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The socket.io browser client served by {@code serveClient}: {@code socket.io.js}, {@code
 * socket.io.min.js}, {@code socket.io.esm.min.js}, {@code socket.io.msgpack.min.js} and the source
 * map ({@code .map}) of each, read from the class path where the {@code jsocketio-client-dist} jar
 * puts them ({@value #RESOURCE_DIR}).
 *
 * <p>Thread-safety: safe for concurrent use. The files are read once, on the first call of any
 * method, by that caller; concurrent first callers wait for that single read (a few milliseconds)
 * instead of reading again. After it nothing blocks: every call is a map lookup. A server that
 * turns {@code serveClient} on should call {@link #isAvailable()} while it starts, so that the read
 * (and the log line when the jar is missing) happens then rather than on a request thread.
 *
 * <p>Headers, as the Node server answers: {@code Content-Type} {@code application/javascript;
 * charset=utf-8} for the scripts and {@code application/json; charset=utf-8} for the maps; the same
 * strong ETag for every file, the quoted client version (for example {@code "4.8.4"}). The serving
 * code (not this class) answers 304 when {@code If-None-Match} equals that ETag or its weak form
 * {@code W/"4.8.4"}, and sends {@code Cache-Control: public, max-age=0} with a 200.
 *
 * <p>Without the jar, which core declares as a runtime dependency and an application may exclude,
 * the bundle is empty: {@link #isAvailable()} is false, {@link #find} finds nothing, so {@code
 * serveClient} serves nothing and those requests fall through to the engine like any other path.
 * That is logged once, at INFO.
 */
public final class ClientBundle implements StaticFiles {

    /** Where the client-dist jar puts the files, relative to the class-path root. */
    public static final String RESOURCE_DIR = "io/jsocketio/client-dist/";

    /** The names served, as the Node server's list of client files. */
    public static final List<String> FILE_NAMES =
            List.of(
                    "socket.io.js",
                    "socket.io.js.map",
                    "socket.io.min.js",
                    "socket.io.min.js.map",
                    "socket.io.esm.min.js",
                    "socket.io.esm.min.js.map",
                    "socket.io.msgpack.min.js",
                    "socket.io.msgpack.min.js.map");

    static final String PROPERTIES = RESOURCE_DIR + "client-dist.properties";

    private static final System.Logger LOG = System.getLogger(ClientBundle.class.getName());
    private static final ClientBundle SHARED =
            new ClientBundle(ClientBundle.class.getClassLoader());

    private final ResourceSource source;
    private final AtomicReference<@Nullable CompletableFuture<Contents>> contents =
            new AtomicReference<>();

    /** What a class loader offers; a seam for tests that count reads. */
    @FunctionalInterface
    interface ResourceSource {
        @Nullable InputStream open(String name);
    }

    private record Contents(@Nullable String version, Map<String, StaticFile> files) {}

    /** The bundle read through this class's own class loader: the one the server uses. */
    public static ClientBundle shared() {
        return SHARED;
    }

    /**
     * A bundle read through {@code loader}.
     *
     * @param loader where to look for {@value #RESOURCE_DIR}; a loader that has no such files gives
     *     an empty bundle
     */
    public ClientBundle(ClassLoader loader) {
        this(loader::getResourceAsStream);
    }

    ClientBundle(ResourceSource source) {
        this.source = source;
    }

    @Override
    public Optional<StaticFile> find(String name) {
        return Optional.ofNullable(contents().files().get(name));
    }

    /** Whether the client-dist jar was found (then all eight files are served). */
    public boolean isAvailable() {
        return contents().version() != null;
    }

    /** The version of the npm {@code socket.io-client} package served, if the jar was found. */
    public Optional<String> version() {
        return Optional.ofNullable(contents().version());
    }

    private Contents contents() {
        CompletableFuture<Contents> current = contents.get();
        if (current == null) {
            CompletableFuture<Contents> mine = new CompletableFuture<>();
            if (contents.compareAndSet(null, mine)) {
                try {
                    mine.complete(read());
                } catch (RuntimeException | Error e) {
                    mine.completeExceptionally(e);
                }
            }
            current = contents.get();
        }
        return current.join();
    }

    private Contents read() {
        byte[] properties = readResource(PROPERTIES);
        if (properties == null) {
            LOG.log(
                    Level.INFO,
                    () ->
                            "jsocketio-client-dist is not on the class path ("
                                    + PROPERTIES
                                    + " not found): serveClient serves no file");
            return new Contents(null, Map.of());
        }
        String version = version(properties);
        String etag = '"' + version + '"';
        Map<String, StaticFile> files = new HashMap<>();
        for (String name : FILE_NAMES) {
            byte[] body = readResource(RESOURCE_DIR + name);
            if (body == null) {
                LOG.log(
                        Level.DEBUG,
                        () -> "client file missing from jsocketio-client-dist: " + name);
                continue;
            }
            files.put(name, new StaticFile(name, contentType(name), etag, body));
        }
        LOG.log(
                Level.DEBUG,
                () -> "socket.io-client " + version + ": " + files.size() + " client files read");
        return new Contents(version, Map.copyOf(files));
    }

    private static String version(byte[] propertiesFile) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.ByteArrayInputStream(propertiesFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = properties.getProperty("version", "").strip();
        if (version.isEmpty() || version.contains("\"") || version.contains("${")) {
            throw new IllegalStateException(
                    "jsocketio-client-dist: " + PROPERTIES + " has no usable version: " + version);
        }
        return version;
    }

    static String contentType(String name) {
        return name.endsWith(".map")
                ? "application/json; charset=utf-8"
                : "application/javascript; charset=utf-8";
    }

    private byte @Nullable [] readResource(String name) {
        try (InputStream in = source.open(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read " + name + " from jsocketio-client-dist", e);
        }
    }
}
