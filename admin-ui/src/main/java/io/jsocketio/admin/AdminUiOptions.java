package io.jsocketio.admin;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The options of {@link AdminUi#instrument}, with the defaults of {@code @socket.io/admin-ui}'s
 * {@code instrument(io, opts)}: namespace {@code /admin}, no write protection, mode development.
 * Authentication must be chosen explicitly: {@link Builder#basicAuth} or {@link Builder#noAuth}, as
 * Node requires {@code auth} to be given or set to {@code false}.
 *
 * <p>Thread-safety: immutable.
 */
public final class AdminUiOptions {
    private static final Pattern BCRYPT =
            Pattern.compile("^\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    /** What the UI receives ({@code mode} in Node). */
    public enum Mode {
        /** Only the aggregated events every 2 s ({@code server_stats}); cheaper. */
        PRODUCTION,
        /**
         * Also every socket ({@code all_sockets}) and each change as it happens: connections,
         * rooms, events received and sent.
         */
        DEVELOPMENT
    }

    private final String namespaceName;
    private final boolean authEnabled;
    private final @Nullable String username;
    private final @Nullable String passwordHash;
    private final boolean readonly;
    private final @Nullable String serverId;
    private final Mode mode;
    private final SessionStore store;
    private final Duration statsInterval;

    private AdminUiOptions(Builder b) {
        this.namespaceName = b.namespaceName;
        this.authEnabled = b.authEnabled;
        this.username = b.username;
        this.passwordHash = b.passwordHash;
        this.readonly = b.readonly;
        this.serverId = b.serverId;
        this.mode = b.mode;
        this.store = b.store;
        this.statsInterval = b.statsInterval;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.namespaceName = namespaceName;
        b.authChosen = true;
        b.authEnabled = authEnabled;
        b.username = username;
        b.passwordHash = passwordHash;
        b.readonly = readonly;
        b.serverId = serverId;
        b.mode = mode;
        b.store = store;
        b.statsInterval = statsInterval;
        return b;
    }

    /** The admin namespace, default {@code /admin}. */
    public String namespaceName() {
        return namespaceName;
    }

    /** Whether the UI must log in. */
    public boolean authEnabled() {
        return authEnabled;
    }

    /** The user name when {@link #authEnabled()}. */
    public @Nullable String username() {
        return username;
    }

    /** The bcrypt hash of the password when {@link #authEnabled()}. */
    public @Nullable String passwordHash() {
        return passwordHash;
    }

    /** Whether the UI may only look (no emit, join, leave, disconnect), default false. */
    public boolean readonly() {
        return readonly;
    }

    /** The server id shown by the UI, or null for the host name (Node's default). */
    public @Nullable String serverId() {
        return serverId;
    }

    /** The mode, default {@link Mode#DEVELOPMENT} (Node's default without {@code NODE_ENV}). */
    public Mode mode() {
        return mode;
    }

    /** Where the login sessions are kept, default {@link SessionStore#inMemory()}. */
    public SessionStore store() {
        return store;
    }

    /** How often {@code server_stats} is sent, default 2 s as in Node. */
    public Duration statsInterval() {
        return statsInterval;
    }

    /**
     * Builds {@link AdminUiOptions}.
     *
     * <p>Thread-safety: not thread-safe; use from one thread.
     */
    public static final class Builder {
        private String namespaceName = "/admin";
        private boolean authChosen;
        private boolean authEnabled;
        private @Nullable String username;
        private @Nullable String passwordHash;
        private boolean readonly;
        private @Nullable String serverId;
        private Mode mode = Mode.DEVELOPMENT;
        private SessionStore store = SessionStore.inMemory();
        private Duration statsInterval = Duration.ofSeconds(2);

        private Builder() {}

        /** The admin namespace ({@code namespaceName}); a leading slash is added when missing. */
        public Builder namespaceName(String name) {
            Objects.requireNonNull(name, "namespaceName");
            this.namespaceName = name.startsWith("/") ? name : "/" + name;
            return this;
        }

        /**
         * Basic authentication ({@code auth: {type: "basic", username, password}}): the UI's login
         * must give {@code username} and a password matching {@code bcryptHash} (for example made
         * with {@code htpasswd -bnBC 10 "" secret} or {@code BCrypt.hashpw}).
         */
        public Builder basicAuth(String username, String bcryptHash) {
            this.username = Objects.requireNonNull(username, "username");
            this.passwordHash = Objects.requireNonNull(bcryptHash, "password");
            this.authEnabled = true;
            this.authChosen = true;
            return this;
        }

        /** No authentication ({@code auth: false}): anyone reaching the namespace is admitted. */
        public Builder noAuth() {
            this.username = null;
            this.passwordHash = null;
            this.authEnabled = false;
            this.authChosen = true;
            return this;
        }

        /** Whether the UI may only look. */
        public Builder readonly(boolean readonly) {
            this.readonly = readonly;
            return this;
        }

        /** The server id shown by the UI; null for the host name. */
        public Builder serverId(@Nullable String serverId) {
            this.serverId = serverId;
            return this;
        }

        /** The mode. */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Where login sessions are kept (so that a reload of the UI needs no new login). */
        public Builder store(SessionStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** How often {@code server_stats} is sent. */
        public Builder statsInterval(Duration interval) {
            this.statsInterval = Objects.requireNonNull(interval, "statsInterval");
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalStateException when neither {@link #basicAuth} nor {@link #noAuth} was
         *     called
         * @throws IllegalArgumentException when the password is not a bcrypt hash, or the interval
         *     is not positive
         */
        public AdminUiOptions build() {
            if (!authChosen) {
                throw new IllegalStateException(
                        "auth: call basicAuth(username, bcryptHash) or, explicitly, noAuth()");
            }
            if (authEnabled && !BCRYPT.matcher(passwordHash).matches()) {
                throw new IllegalArgumentException("password: must be a valid bcrypt hash");
            }
            if (statsInterval.isNegative() || statsInterval.isZero()) {
                throw new IllegalArgumentException("statsInterval: must be positive");
            }
            return new AdminUiOptions(this);
        }
    }
}
