package io.jsocketio.engine.parser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSONP polling details of Node's engine.io server: the response script, and the form-encoded
 * request body.
 *
 * <p>Thread-safety: stateless.
 */
final class Jsonp {
    /** Node's querystring.parse looks at no more than this many pairs. */
    private static final int MAX_PAIRS = 1000;

    /** An escaped newline {@code \n}, optionally preceded by one more backslash. */
    private static final Pattern ESCAPED_NEWLINE = Pattern.compile("(\\\\)?\\\\n");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Jsonp() {}

    static String script(String j, String payload) {
        StringBuilder sb = new StringBuilder(payload.length() + 24).append("___eio[");
        for (int i = 0; i < j.length(); i++) {
            char c = j.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        sb.append("](");
        appendJsString(sb, payload);
        return sb.append(");").toString();
    }

    /**
     * Appends {@code s} as JSON.stringify writes a string (well-formed variant, lone surrogates as
     * six-character escapes), with U+2028 and U+2029 escaped too so that the result is valid
     * JavaScript.
     */
    static void appendJsString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u2028', '\u2029' -> appendUnicodeEscape(sb, c);
                default -> {
                    if (c < 0x20) {
                        appendUnicodeEscape(sb, c);
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        appendUnicodeEscape(sb, c);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }

    static Optional<String> dField(String body) {
        List<String> values = new ArrayList<>(1);
        int pairs = 0;
        int start = 0;
        while (start <= body.length() && pairs < MAX_PAIRS) {
            int amp = body.indexOf('&', start);
            int end = amp < 0 ? body.length() : amp;
            if (end > start) {
                pairs++;
                int eq = body.indexOf('=', start);
                boolean hasEq = eq >= 0 && eq < end;
                String key = formDecode(body.substring(start, hasEq ? eq : end));
                if (key.equals("d")) {
                    values.add(hasEq ? formDecode(body.substring(eq + 1, end)) : "");
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        if (values.size() != 1) {
            return Optional.empty();
        }
        return Optional.of(unescapeNewlines(values.get(0)));
    }

    /**
     * Decodes one application/x-www-form-urlencoded component: {@code +} is a space, {@code %XX} a
     * byte, runs of such bytes are UTF-8 (invalid sequences become U+FFFD), a {@code %} not
     * followed by two hex digits stays as it is.
     */
    static String formDecode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int hi;
            int lo;
            if (c == '%'
                    && i + 2 < s.length()
                    && (hi = Character.digit(s.charAt(i + 1), 16)) >= 0
                    && (lo = Character.digit(s.charAt(i + 2), 16)) >= 0) {
                run.write((hi << 4) | lo);
                i += 3;
                continue;
            }
            flush(run, sb);
            sb.append(c == '+' ? ' ' : c);
            i++;
        }
        flush(run, sb);
        return sb.toString();
    }

    private static void flush(ByteArrayOutputStream run, StringBuilder sb) {
        if (run.size() > 0) {
            sb.append(new String(run.toByteArray(), StandardCharsets.UTF_8));
            run.reset();
        }
    }

    /**
     * Node's newline rule for JSONP bodies: the client sends a newline as {@code \n} and an escaped
     * newline {@code \n} as {@code \\n}; turn the first into a newline and the second into {@code
     * \n}.
     */
    static String unescapeNewlines(String s) {
        Matcher m = ESCAPED_NEWLINE.matcher(s);
        String once =
                m.replaceAll(r -> r.group(1) != null ? Matcher.quoteReplacement(r.group()) : "\n");
        return once.replace("\\\\n", "\\n");
    }
}
