package io.jsocketio.engine;

/**
 * Makes the id of a new session from its handshake request ({@code engine.generateId} in Node).
 *
 * <p>Called on a container thread, once per handshake; it must be fast, must not block and must
 * return a value unique among the open sessions (the default returns 20 url-safe random
 * characters).
 */
@FunctionalInterface
public interface IdGenerator {

    /** Returns the id for a session opened by {@code request}. */
    String generateId(EngineRequest request);
}
