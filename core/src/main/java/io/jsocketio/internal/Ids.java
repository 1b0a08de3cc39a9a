package io.jsocketio.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Socket ids: 15 random bytes in URL-safe base64, 20 characters (Node's {@code base64id}). */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {}

    static String generate() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
