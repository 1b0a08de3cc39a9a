package io.jsocketio.cdi.internal;

import io.jsocketio.Server;
import io.jsocketio.cdi.Namespace;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The namespace a {@link Namespace} annotation names: a fixed name or a pattern, validated once.
 *
 * <p>Thread-safety: immutable.
 */
record NamespaceBinding(String name, @org.jspecify.annotations.Nullable Pattern pattern) {

    /** The binding, or an error message (naming {@code where}) when the annotation is invalid. */
    static Object parse(Namespace annotation, String where) {
        String value = annotation.value();
        String regex = annotation.pattern();
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
    String key() {
        return pattern == null ? "name:" + name : "pattern:" + name;
    }

    /** The namespace on the server ({@code io.of(name)} or {@code io.of(pattern)}). */
    io.jsocketio.Namespace on(Server server) {
        return Optional.ofNullable(pattern).map(server::of).orElseGet(() -> server.of(name));
    }

    @Override
    public String toString() {
        return pattern == null ? name : "pattern " + name;
    }
}
