package io.jsocketio.engine.parser;

import java.io.ByteArrayOutputStream;

/**
 * UTF-8 as the Engine.IO v3 binary payload uses it (the {@code utf8} module of Node's
 * engine.io-parser 2.x in non-strict mode): like UTF-8, except that a lone surrogate is encoded as
 * the three-byte sequence of its code unit, and such a sequence is accepted when decoding.
 * Everything else that is not well-formed UTF-8 (bad continuation byte, overlong form, truncated
 * sequence, code point above U+10FFFF, stray byte) is rejected.
 *
 * <p>Thread-safety: stateless.
 */
final class LenientUtf8 {
    private LenientUtf8() {}

    /**
     * Encodes a string; a surrogate pair becomes one four-byte sequence, a lone one three bytes.
     */
    static byte[] encode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(i + 1));
                i += 2;
            } else {
                i++;
            }
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | (cp >> 6));
                out.write(0x80 | (cp & 0x3f));
            } else if (cp < 0x10000) {
                out.write(0xe0 | (cp >> 12));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            } else {
                out.write(0xf0 | (cp >> 18));
                out.write(0x80 | ((cp >> 12) & 0x3f));
                out.write(0x80 | ((cp >> 6) & 0x3f));
                out.write(0x80 | (cp & 0x3f));
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes {@code len} bytes from {@code off}.
     *
     * @throws PacketFormatException for bytes that are not (lenient) UTF-8
     */
    static String decode(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        int i = off;
        int end = off + len;
        while (i < end) {
            int b1 = b[i++] & 0xff;
            if (b1 < 0x80) {
                sb.append((char) b1);
                continue;
            }
            int extra;
            int min;
            int cp;
            if ((b1 & 0xe0) == 0xc0) {
                extra = 1;
                min = 0x80;
                cp = b1 & 0x1f;
            } else if ((b1 & 0xf0) == 0xe0) {
                extra = 2;
                min = 0x800;
                cp = b1 & 0x0f;
            } else if ((b1 & 0xf8) == 0xf0) {
                extra = 3;
                min = 0x10000;
                cp = b1 & 0x07;
            } else {
                throw new PacketFormatException("invalid UTF-8 byte at " + (i - 1 - off));
            }
            for (int k = 0; k < extra; k++) {
                if (i >= end) {
                    throw new PacketFormatException("truncated UTF-8 sequence");
                }
                int cont = b[i++] & 0xff;
                if ((cont & 0xc0) != 0x80) {
                    throw new PacketFormatException("invalid UTF-8 continuation byte");
                }
                cp = (cp << 6) | (cont & 0x3f);
            }
            if (cp < min || cp > Character.MAX_CODE_POINT) {
                throw new PacketFormatException("invalid UTF-8 sequence");
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
