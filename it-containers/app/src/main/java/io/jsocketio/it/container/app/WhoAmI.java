package io.jsocketio.it.container.app;

import io.jsocketio.Socket;
import io.jsocketio.cdi.Namespace;
import io.jsocketio.cdi.OnConnect;
import io.jsocketio.cdi.OnEvent;
import io.jsocketio.engine.EngineRequest;
import io.jsocketio.servlet.HttpSessions;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The /me namespace: tells a socket what the container knew of its handshake request (user, roles,
 * HTTP session and one of its attributes), on connect and in the ack of {@code whoami}; {@code
 * kick} is for admins only, {@code post} takes a validated {@link Post}.
 */
@ApplicationScoped
@Namespace("/me")
@DeclareRoles({"chat", "admin"})
public class WhoAmI {

    @OnConnect
    void connected(Socket socket) {
        socket.emit("whoami", describe(socket));
    }

    @OnEvent("whoami")
    Map<String, Object> whoami(Socket socket) {
        return describe(socket);
    }

    @OnEvent("kick")
    @RolesAllowed("admin")
    String kick(String who) {
        return "kicked " + who;
    }

    @OnEvent("post")
    String post(@Valid Post post) {
        return "posted " + post.text();
    }

    static Map<String, Object> describe(Socket socket) {
        EngineRequest request = socket.request();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("user", request.userPrincipal().map(Principal::getName).orElse(""));
        me.put("chat", request.isUserInRole("chat"));
        me.put("admin", request.isUserInRole("admin"));
        me.put("session", request.sessionId().orElse(""));
        me.put(
                "nick",
                HttpSessions.of(request)
                        .map(s -> s.getAttribute(NickServlet.ATTRIBUTE))
                        .map(String::valueOf)
                        .orElse(""));
        me.put("cookies", String.join(",", request.cookies().keySet()));
        return me;
    }
}
