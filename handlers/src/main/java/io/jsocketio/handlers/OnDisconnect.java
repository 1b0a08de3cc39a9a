package io.jsocketio.handlers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Namespace} bean called once when a socket of the namespace is
 * disconnected ({@code socket.on("disconnect", ...)}). Its parameters are resolved by type: {@link
 * io.jsocketio.Socket}, {@link io.jsocketio.DisconnectReason}, and a {@code String} for the
 * description (null when there is none). It runs on the socket's lane, inside the container's
 * per-call context (see {@link HandlerBean}).
 *
 * <p>Thread-safety: an annotation; immutable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnDisconnect {}
