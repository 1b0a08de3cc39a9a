package io.jsocketio.handlers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Namespace} bean called for each event named {@link #value()} sent by a
 * socket ({@code socket.on("name", ...)}).
 *
 * <p>Parameters are resolved by type, once at start-up: {@link io.jsocketio.Socket}, {@link
 * io.jsocketio.Ack}, {@link io.jsocketio.Args} (all arguments), and every other parameter takes the
 * next event argument in order, mapped through JSON-B to its declared type (records, beans, {@code
 * String}, {@code byte[]} for binary, {@code JsonValue}, boxed or primitive numbers and booleans,
 * generic {@code List}/{@code Map}); a missing argument gives null (zero or false for a primitive).
 * A method that returns a value acknowledges the event with it (a {@code CompletionStage}
 * acknowledges when it completes); such a method may not take an {@code Ack}.
 *
 * <p>It runs on the socket's lane (events of one socket in order), inside the container's per-call
 * context (see {@link HandlerBean}). An exception it throws is logged and the socket survives.
 *
 * <p>Thread-safety: an annotation; immutable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnEvent {
    /** The event name. */
    String value();
}
