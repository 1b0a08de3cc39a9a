package io.jsocketio.handlers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a container-managed bean (a Spring bean, a CDI bean) to a Socket.IO namespace ({@code
 * io.of("/chat")} in Node). On a bean class with {@link OnConnect}, {@link OnEvent} and {@link
 * OnDisconnect} methods, it declares the namespace's handlers; on a bean implementing {@link
 * io.jsocketio.Middleware}, it adds that middleware to the namespace ({@code
 * io.of("/chat").use(...)}), so that authentication can use injected services.
 *
 * <pre>{@code
 * @Component @Namespace("/chat")
 * class Chat {
 *     @OnEvent("message") String message(Socket socket, ChatMessage msg) { ...; return "ok"; }
 * }
 * }</pre>
 *
 * <p>Give exactly one of {@link #value()} (a name such as {@code "/chat"}) and {@link #pattern()}
 * (a regular expression matched against whole names, for dynamic namespaces: {@code
 * io.of(/^\/room-\d+$/)}). Two handler beans for the same namespace fail the application's start;
 * several middleware beans for one namespace run in the order of their class names.
 *
 * <p>Thread-safety: an annotation; immutable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Namespace {
    /** The namespace name, with leading slash; {@code "/"} is the main namespace. */
    String value() default "";

    /** A regular expression for a dynamic namespace, matched against the whole name. */
    String pattern() default "";
}
