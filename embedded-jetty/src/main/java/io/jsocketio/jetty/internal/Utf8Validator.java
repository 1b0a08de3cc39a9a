package io.jsocketio.jetty.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF), fed in pieces: a text message assembled from fragments is checked as it arrives,
 * so a bad one fails at its first bad byte.
 *
 * <p>Thread-safety: not thread-safe; one instance per connection, used by its reading thread.
 */
final class Utf8Validator {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private int pending; // continuation bytes still expected
    private int lower = 0x80; // the range allowed for the next continuation byte
    private int upper = 0xBF;

    /** Whether {@code bytes[offset, offset + length)} continue a well-formed sequence. */
    boolean accept(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (pending == 0) {
                // ASCII runs, eight bytes at a time: the common case for Engine.IO packets
                while (i + 8 <= end && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i == end) {
                    break;
                }
            }
            if (!accept(bytes[i++] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private boolean accept(int b) {
        if (pending > 0) {
            if (b < lower || b > upper) {
                return false;
            }
            pending--;
            lower = 0x80;
            upper = 0xBF;
            return true;
        }
        if (b < 0x80) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            lower = b == 0xE0 ? 0xA0 : 0x80; // no overlong three-byte forms
            upper = b == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            lower = b == 0xF0 ? 0x90 : 0x80; // no overlong four-byte forms
            upper = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
        } else {
            return false;
        }
        return true;
    }

    /** Whether everything accepted so far ends at a character boundary. */
    boolean isComplete() {
        return pending == 0;
    }

    /** Forgets the bytes accepted so far, for the next message. */
    void reset() {
        pending = 0;
        lower = 0x80;
        upper = 0xBF;
    }

    /** Whether {@code bytes[offset, offset + length)} are well-formed UTF-8 on their own. */
    static boolean isValid(byte[] bytes, int offset, int length) {
        Utf8Validator v = new Utf8Validator();
        return v.accept(bytes, offset, length) && v.isComplete();
    }
}
