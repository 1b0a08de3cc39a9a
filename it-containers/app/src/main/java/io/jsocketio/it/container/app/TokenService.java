package io.jsocketio.it.container.app;

import jakarta.enterprise.context.ApplicationScoped;

/** A service injected into the middleware bean. */
@ApplicationScoped
public class TokenService {
    public boolean valid(String token) {
        return "secret".equals(token);
    }
}
