package io.jsocketio.engine;

import java.util.Objects;

/**
 * The {@code cookie} option: a cookie carrying the session id, set on the handshake response. Off
 * by default, as in the Node server.
 *
 * <p>Thread-safety: immutable.
 *
 * @param name cookie name, default {@code io}
 * @param path cookie path, default {@code /}
 * @param httpOnly whether the cookie is HttpOnly, default true
 * @param sameSite the SameSite attribute, default {@code Lax}
 */
public record CookieOptions(String name, String path, boolean httpOnly, String sameSite) {

    public CookieOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sameSite, "sameSite");
    }

    /** The Node server's defaults: {@code io}, {@code /}, HttpOnly, SameSite=Lax. */
    public static CookieOptions defaults() {
        return new CookieOptions("io", "/", true, "Lax");
    }

    /** The {@code Set-Cookie} header value for a session id. */
    public String headerValue(String sid) {
        return name
                + "="
                + sid
                + "; Path="
                + path
                + (httpOnly ? "; HttpOnly" : "")
                + "; SameSite="
                + sameSite;
    }
}
