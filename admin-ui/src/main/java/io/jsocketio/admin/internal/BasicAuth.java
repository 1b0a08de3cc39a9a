package io.jsocketio.admin.internal;

import io.jsocketio.ConnectError;
import io.jsocketio.Middleware;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import io.jsocketio.admin.SessionStore;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The admin namespace's login ({@code auth: {type: "basic"}} in Node): a known {@code sessionId} in
 * the handshake's auth admits at once; else {@code username} and {@code password} are checked
 * against the bcrypt hash and, when they match, a new session id is saved and sent to the UI as
 * {@code session} right after it connected. Anything else is refused with {@code invalid
 * credentials}.
 *
 * <p>Thread-safety: safe for concurrent use. The bcrypt check runs on the connection's lane.
 */
public final class BasicAuth implements Middleware {
    private static final System.Logger LOG = System.getLogger(BasicAuth.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final String hash;
    private final SessionStore store;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    public BasicAuth(String username, String hash, SessionStore store) {
        this.username = username;
        this.hash = hash;
        this.store = store;
    }

    @Override
    public void handle(Socket socket, Next next) {
        JsonObject auth = socket.handshake().auth();
        String sessionId = string(auth, "sessionId");
        if (sessionId == null) {
            checkCredentials(socket, auth, next);
            return;
        }
        store.exists(sessionId)
                .whenComplete(
                        (known, error) -> {
                            if (Boolean.TRUE.equals(known)) {
                                LOG.log(System.Logger.Level.DEBUG, "admin session resumed");
                                next.proceed();
                            } else {
                                checkCredentials(socket, auth, next);
                            }
                        });
    }

    private void checkCredentials(Socket socket, JsonObject auth, Next next) {
        String user = string(auth, "username");
        String password = string(auth, "password");
        if (username.equals(user) && password != null && matches(password)) {
            String sessionId = HexFormat.of().formatHex(randomBytes());
            store.save(sessionId);
            issued.put(socket.id(), sessionId);
            LOG.log(System.Logger.Level.DEBUG, "admin login accepted");
            next.proceed();
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, "admin login refused: invalid credentials");
        next.fail(new ConnectError("invalid credentials"));
    }

    /** The session id made for this socket's login, once; null when it resumed a session. */
    public @Nullable String takeIssued(Socket socket) {
        return issued.remove(socket.id());
    }

    private boolean matches(String password) {
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    private static @Nullable String string(JsonObject auth, String key) {
        return auth.get(key) instanceof jakarta.json.JsonString s ? s.getString() : null;
    }
}
