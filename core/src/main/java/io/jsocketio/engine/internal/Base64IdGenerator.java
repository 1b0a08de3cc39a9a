package io.jsocketio.engine.internal;

import io.jsocketio.engine.EngineRequest;
import io.jsocketio.engine.IdGenerator;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The default session id: 15 bytes from {@link SecureRandom} in url-safe base64 without padding, so
 * 20 characters of {@code [A-Za-z0-9_-]}, like Node's {@code base64id}.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class Base64IdGenerator implements IdGenerator {
    static final Base64IdGenerator INSTANCE = new Base64IdGenerator();

    private final SecureRandom random = new SecureRandom();

    private Base64IdGenerator() {}

    @Override
    public String generateId(EngineRequest request) {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
