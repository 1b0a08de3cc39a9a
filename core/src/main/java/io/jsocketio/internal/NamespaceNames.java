package io.jsocketio.internal;

/**
 * Which namespace names a client may ask for. A name holding a control character (C0, DEL, C1) or a
 * Unicode line or paragraph separator is refused as an invalid namespace before any dynamic matcher
 * sees it: Node would create such a namespace, but no client needs one, it makes log lines that
 * lie, and with a line terminator Java's {@code $} would match before it where JavaScript's does
 * not.
 *
 * <p>Thread-safety: stateless.
 */
final class NamespaceNames {
    private NamespaceNames() {}

    /** Whether a client's CONNECT may create or join a namespace of this name. */
    static boolean isAcceptable(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
