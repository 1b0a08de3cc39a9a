package io.jsocketio.handlers.internal;

import io.jsocketio.Server;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * The namespace a namespace annotation names: a fixed name or a pattern, validated once.
 *
 * <p>Thread-safety: immutable.
 */
public record NamespaceBinding(String name, @Nullable Pattern pattern) {

    /**
     * The binding of an annotation's {@code value} and {@code pattern}, or an error message (naming
     * {@code where}) when they are invalid.
     */
    public static Object parse(String value, String regex, String where) {
        if (value.isEmpty() == regex.isEmpty()) {
            return where + ": @Namespace needs exactly one of value and pattern";
        }
        if (!value.isEmpty()) {
            if (!value.startsWith("/")) {
                return where + ": namespace \"" + value + "\" must start with /";
            }
            return new NamespaceBinding(value, null);
        }
        try {
            return new NamespaceBinding(regex, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return where + ": invalid namespace pattern \"" + regex + "\": " + e.getDescription();
        }
    }

    /** A key that is equal for two annotations naming the same namespace. */
    public String key() {
        return pattern == null ? "name:" + name : "pattern:" + name;
    }

    /** The namespace on the server ({@code io.of(name)} or {@code io.of(pattern)}). */
    public io.jsocketio.Namespace on(Server server) {
        return Optional.ofNullable(pattern).map(server::of).orElseGet(() -> server.of(name));
    }

    @Override
    public String toString() {
        return pattern == null ? name : "pattern " + name;
    }
}
