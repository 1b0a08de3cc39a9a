package io.jsocketio.bench;

/**
 * The payloads the benchmarks share, so that every benchmark speaks of the same "100 B message".
 *
 * <p>Thread-safety: constants only.
 */
final class Payloads {
    /** 100 ASCII characters: 100 bytes of UTF-8, the size the load driver uses by default. */
    static final String TEXT_100 = "x".repeat(100);

    /** {@link #TEXT_100} as a JSON string literal. */
    static final String JSON_100 = '"' + TEXT_100 + '"';

    private Payloads() {}

    /** {@code size} bytes of a repeating pattern. */
    static byte[] bytes(int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) i;
        }
        return data;
    }
}
