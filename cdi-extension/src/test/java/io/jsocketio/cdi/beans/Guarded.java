package io.jsocketio.cdi.beans;

import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnEvent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** An open namespace with a role-protected event and a validated payload. */
@ApplicationScoped
@Namespace("/guarded")
public class Guarded {
    /** A validated payload. */
    public record Post(
            @NotBlank String text, @Size(max = 5) String room, List<@NotBlank String> tags) {}

    @OnEvent("ban")
    @RolesAllowed("admin")
    String ban(String who) {
        return "banned " + who;
    }

    @OnEvent("post")
    String post(@Valid Post post) {
        return "posted " + post.text();
    }

    @OnEvent("unchecked")
    String unchecked(Post post) {
        return "taken " + post.text();
    }
}
