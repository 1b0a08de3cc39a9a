package io.jsocketio.cdi.beans;

import jakarta.enterprise.context.ApplicationScoped;

/** An injected service the middleware uses. */
@ApplicationScoped
public class TokenService {
    public boolean valid(Object token) {
        return "secret".equals(token);
    }
}
