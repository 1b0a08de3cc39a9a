package io.jsocketio.spring.app;

import io.jsocketio.ConnectError;
import io.jsocketio.Middleware;
import io.jsocketio.Next;
import io.jsocketio.Socket;
import io.jsocketio.handlers.Namespace;
import io.jsocketio.handlers.OnConnect;
import io.jsocketio.handlers.OnEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;

/** The application of the starter's tests: a chat namespace, and /secure for logged-in users. */
@SpringBootApplication
public class ChatApplication {

    public record Message(String user, String text) {}

    /** The public namespace. */
    @Component
    @Namespace("/chat")
    public static class Chat {
        @OnConnect
        void connected(Socket socket) {
            socket.emit("welcome", "hi " + socket.id());
        }

        @OnEvent("message")
        String message(Message message) {
            return message.user() + ": " + message.text();
        }
    }

    /** Refuses sockets whose HTTP session is not logged in. */
    @Component
    @Namespace("/secure")
    public static class SecureGuard implements Middleware {
        @Override
        public void handle(Socket socket, Next next) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated()) {
                next.proceed();
            } else {
                next.fail(new ConnectError("unauthorized"));
            }
        }
    }

    /** The secured namespace's handlers. */
    @Component
    @Namespace("/secure")
    public static class Secure {
        @OnEvent("whoami")
        String whoami() {
            return SecurityContextHolder.getContext().getAuthentication().getName();
        }
    }

    /** Form login; Socket.IO is public (namespaces decide) and exempt from CSRF. */
    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.ignoringRequestMatchers("/socket.io/**"))
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("ann").password("{noop}secret").roles("USER").build());
    }
}
