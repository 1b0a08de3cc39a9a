package io.jsocketio.engine;

import java.util.Optional;

/**
 * Files served by GET below an engine's path, such as {@code /socket.io/socket.io.min.js}.
 *
 * <p>Thread-safety: implementations are safe for concurrent use and never block (files are held in
 * memory).
 */
@FunctionalInterface
public interface StaticFiles {

    /** The file with this name (relative to the mount path, e.g. {@code socket.io.js}). */
    Optional<StaticFile> find(String name);

    /**
     * One file held in memory.
     *
     * @param name file name
     * @param contentType the Content-Type header value
     * @param etag the strong ETag, quoted
     * @param body the bytes (shared, never modified)
     */
    record StaticFile(String name, String contentType, String etag, byte[] body) {}
}
