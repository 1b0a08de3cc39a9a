package io.jsocketio.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a transport installs at one path: an engine, and optionally static files served below the
 * same path (the Socket.IO client bundle when {@code serveClient} is on). The path is the engine's
 * {@link EngineOptions#path()}.
 *
 * <p>Thread-safety: immutable.
 *
 * @param engine the engine answering requests on the path
 * @param files files served at {@code <path><name>}, or null
 */
public record EngineMount(EngineServer engine, @Nullable StaticFiles files) {

    public EngineMount {
        Objects.requireNonNull(engine, "engine");
    }

    /** A mount without static files. */
    public static EngineMount of(EngineServer engine) {
        return new EngineMount(engine, null);
    }

    /** The path, from the engine's options. */
    public String path() {
        return engine.options().path();
    }
}
