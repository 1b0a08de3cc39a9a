package io.jsocketio.examples.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The nicknames in use; an ordinary application-scoped service. */
@ApplicationScoped
public class Nicknames {
    private final Set<String> taken = ConcurrentHashMap.newKeySet();

    /** Takes a nickname; false when it is blank or already in use. */
    public boolean take(String name) {
        return !name.isBlank() && taken.add(name);
    }

    /** Frees a nickname. */
    public void release(String name) {
        taken.remove(name);
    }
}
